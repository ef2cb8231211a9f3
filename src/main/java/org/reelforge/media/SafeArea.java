package org.reelforge.media;

import org.reelforge.video.Aspect;

/**
 * The part of a frame that the platform's own UI (caption, buttons, progress bar) leaves visible, as insets in
 * pixels of a {@code width × height} frame.
 */
public record SafeArea(int width, int height, int top, int bottom, int left, int right) {
    /** TikTok's overlays on a 1080×1920 frame: top 160, bottom 440, left 60, right 120 px. */
    public static final SafeArea TIKTOK = of(Aspect.PORTRAIT);

    public SafeArea {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("safe area frame must be positive, got " + width + "x" + height);
        }
        if (top < 0 || bottom < 0 || left < 0 || right < 0 || top + bottom >= height || left + right >= width) {
            throw new IllegalArgumentException("safe area insets top " + top + ", bottom " + bottom + ", left " + left
                    + ", right " + right + " must be >= 0 and leave room inside " + width + "x" + height);
        }
    }

    /** The safe area of an output format. */
    public static SafeArea of(Aspect aspect) {
        return new SafeArea(aspect.width(), aspect.height(), aspect.safeTop(), aspect.safeBottom(), aspect.safeLeft(),
                aspect.safeRight());
    }

    /** True when the box from (x0, y0) to (x1, y1), inclusive pixel coordinates, lies inside the safe area. */
    public boolean contains(int x0, int y0, int x1, int y1) {
        return x0 >= left && y0 >= top && x1 < width - right && y1 < height - bottom;
    }

    /** Horizontal centre of the safe area. */
    public int centreX() {
        return (left + width - right) / 2;
    }

    /** Vertical centre of the safe area. */
    public int centreY() {
        return (top + height - bottom) / 2;
    }
}
