package org.reelforge.video;

/** Small text rules shared by the domain's validations. */
public final class Text {
    private Text() {
    }

    /** Length in user-perceived characters (code points), so emoji count once. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A short, single-line rendering of user input for error messages. */
    public static String preview(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return length(oneLine) <= 40 ? oneLine : oneLine.substring(0, oneLine.offsetByCodePoints(0, 40)) + "…";
    }
}
