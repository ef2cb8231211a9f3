package org.reelforge.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps ffmpeg children from outliving ReelForge. On Linux each child is started through util-linux's
 * {@code setpriv --pdeathsig KILL}, so the kernel kills it when the thread that started it dies — also after a
 * {@code kill -9} of the JVM, when no Java code runs; and a shutdown hook destroys the children still running on a
 * normal exit (SIGTERM, Ctrl-C) once the exit grace has passed (see {@link Ffmpeg#letChildrenFinishOnExit}): the
 * grace lets a graceful stop's running steps finish their ffmpeg work instead of failing it. Without setpriv only
 * the shutdown hook applies. Thread-safe.
 */
final class ChildProcesses {
    private static final Path SETPRIV = findSetpriv();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile Duration exitGrace = Duration.ZERO;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::destroyAll, "ffmpeg-children-reaper"));
    }

    private ChildProcesses() {
    }

    /** The command to start so that the child dies with us: {@code setpriv --pdeathsig KILL -- command…}. */
    static List<String> bound(List<String> command) {
        if (SETPRIV == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static void started(Process p) {
        RUNNING.add(p);
        p.onExit().thenRun(() -> RUNNING.remove(p));
    }

    /** Whether children are tied to this process by the kernel (setpriv found), not only by the shutdown hook. */
    static boolean kernelBound() {
        return SETPRIV != null;
    }

    static void exitGrace(Duration grace) {
        exitGrace = grace;
    }

    private static void destroyAll() {
        long deadline = System.nanoTime() + exitGrace.toNanos();
        while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Process p : RUNNING) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static Path findSetpriv() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return null;
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, "setpriv");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
