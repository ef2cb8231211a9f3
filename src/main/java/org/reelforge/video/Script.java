package org.reelforge.video;

import java.util.List;

/**
 * The script of a video: a title, a style guide repeated into every clip prompt (the video model has
 * no memory between clips, so characters, setting, palette and tone are restated each time) and the blocks.
 */
public record Script(String title, String styleGuide, List<Block> blocks) {
    public static final int MAX_BLOCKS = 45;

    public Script {
        if (title == null || title.isBlank()) {
            throw new InvalidRequestException("script.title", "is required and must not be blank");
        }
        title = title.strip();
        if (Text.length(title) > 200) {
            throw new InvalidRequestException("script.title", "must be at most 200 characters");
        }
        styleGuide = styleGuide == null ? "" : styleGuide.strip();
        if (Text.length(styleGuide) > 1000) {
            throw new InvalidRequestException("script.style_guide", "must be at most 1000 characters");
        }
        if (blocks == null || blocks.isEmpty()) {
            throw new InvalidRequestException("script.blocks", "must contain at least one block");
        }
        if (blocks.size() > MAX_BLOCKS) {
            throw new InvalidRequestException("script.blocks", "must contain at most " + MAX_BLOCKS + " blocks");
        }
        blocks = List.copyOf(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).index() != i + 1) {
                throw new InvalidRequestException("script.blocks", "indexes must run 1, 2, 3… in order (block at position "
                        + (i + 1) + " has index " + blocks.get(i).index() + ")");
            }
        }
    }

    public int totalDurationSeconds() {
        return blocks.stream().mapToInt(Block::durationSeconds).sum();
    }

    public Block block(int index) {
        if (index < 1 || index > blocks.size()) {
            throw new InvalidRequestException("block", "must be between 1 and " + blocks.size() + " (got " + index + ")");
        }
        return blocks.get(index - 1);
    }

    /**
     * Checks that the blocks add up to the target duration within one block (the longest allowed, 8 s).
     *
     * @throws InvalidRequestException naming script.blocks and both durations
     */
    public Script requireDurationNear(int targetSeconds) {
        int total = totalDurationSeconds();
        if (Math.abs(total - targetSeconds) > 8) {
            throw new InvalidRequestException("script.blocks", "durations must add up to the target duration "
                    + targetSeconds + " s within one block (8 s); they add up to " + total + " s");
        }
        return this;
    }

    /** The prompt sent to the video model for one block: the block's visual prompt plus the style guide. */
    public String clipPrompt(Block block) {
        return styleGuide.isEmpty() ? block.visualPrompt() : block.visualPrompt() + "\n\nStyle guide: " + styleGuide;
    }

    public Script withBlocks(List<Block> newBlocks) {
        return new Script(title, styleGuide, newBlocks);
    }
}
