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
     * Checks that the blocks add up to the target duration within one block (the longest block of the script).
     *
     * @throws InvalidRequestException naming script.blocks and both durations
     */
    public Script requireDurationNear(int targetSeconds) {
        int longest = blocks.stream().mapToInt(Block::durationSeconds).max().orElse(0);
        return requireDurationWithin(targetSeconds, longest);
    }

    /**
     * Checks that the blocks add up to the target duration within one block of the model's longest clip.
     *
     * @throws InvalidRequestException naming script.blocks and both durations
     */
    public Script requireDurationNear(int targetSeconds, ClipLengths lengths) {
        return requireDurationWithin(targetSeconds, lengths.max());
    }

    private Script requireDurationWithin(int targetSeconds, int tolerance) {
        int total = totalDurationSeconds();
        if (Math.abs(total - targetSeconds) > tolerance) {
            throw new InvalidRequestException("script.blocks", "durations must add up to the target duration "
                    + targetSeconds + " s within one block (" + tolerance + " s); they add up to " + total + " s");
        }
        return this;
    }

    /**
     * Checks every block's duration against what the video model can make.
     *
     * @param model the model's name, for the message
     * @throws InvalidRequestException naming the first block whose duration the model cannot make
     */
    public Script requireLengths(ClipLengths lengths, String model) {
        for (Block b : blocks) {
            if (!lengths.allows(b.durationSeconds())) {
                throw new InvalidRequestException("blocks[" + b.index() + "].duration", "must be " + lengths.describe()
                        + " for " + model + " (got " + b.durationSeconds() + ")");
            }
        }
        return this;
    }

    /** This script with block {@code index} replaced (same index). */
    public Script withBlock(Block block) {
        java.util.List<Block> copy = new java.util.ArrayList<>(blocks);
        copy.set(block.index() - 1, block);
        return withBlocks(copy);
    }

    /** The prompt sent to the video model for one block: the block's visual prompt plus the style guide. */
    public String clipPrompt(Block block) {
        return styleGuide.isEmpty() ? block.visualPrompt() : block.visualPrompt() + "\n\nStyle guide: " + styleGuide;
    }

    public Script withBlocks(List<Block> newBlocks) {
        return new Script(title, styleGuide, newBlocks);
    }
}
