package org.reelforge.app;

/** Entry point of the launcher; wired in a later step. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("ReelForge");
    }
}
