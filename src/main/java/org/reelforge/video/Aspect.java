package org.reelforge.video;

/**
 * The output format (wire field {@code aspect}): frame size, the part of the frame the platforms' own buttons
 * and texts leave visible (insets in pixels), and the caption font size that reads well at that size.
 */
public enum Aspect {
    /** TikTok, Reels, Shorts: TikTok's overlays (top 160, bottom 440, left 60, right 120 px). */
    PORTRAIT("9:16", 1080, 1920, 160, 440, 60, 120, 50),
    /** Instagram/Facebook feed: a thin frame plus room for the progress bar at the bottom. */
    SQUARE("1:1", 1080, 1080, 60, 120, 60, 60, 46),
    /** YouTube and players: title-safe left and right, the control bar at the bottom. */
    LANDSCAPE("16:9", 1920, 1080, 60, 140, 120, 120, 54);

    private final String ratio;
    private final int width;
    private final int height;
    private final int safeTop;
    private final int safeBottom;
    private final int safeLeft;
    private final int safeRight;
    private final int captionSize;

    Aspect(String ratio, int width, int height, int safeTop, int safeBottom, int safeLeft, int safeRight, int captionSize) {
        this.ratio = ratio;
        this.width = width;
        this.height = height;
        this.safeTop = safeTop;
        this.safeBottom = safeBottom;
        this.safeLeft = safeLeft;
        this.safeRight = safeRight;
        this.captionSize = captionSize;
    }

    /** {@code 9:16}, {@code 1:1} or {@code 16:9}. */
    public static Aspect parse(String field, String value) {
        for (Aspect aspect : values()) {
            if (value != null && aspect.ratio.equals(value.strip())) {
                return aspect;
            }
        }
        throw new InvalidRequestException(field, "must be one of 9:16, 1:1, 16:9 (got \""
                + (value == null ? "" : Text.preview(value)) + "\")");
    }

    public String ratio() {
        return ratio;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int safeTop() {
        return safeTop;
    }

    public int safeBottom() {
        return safeBottom;
    }

    public int safeLeft() {
        return safeLeft;
    }

    public int safeRight() {
        return safeRight;
    }

    /** Caption font size in pixels of this frame at 100 %. */
    public int captionSize() {
        return captionSize;
    }
}
