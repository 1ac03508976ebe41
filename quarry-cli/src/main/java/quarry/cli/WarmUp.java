package quarry.cli;

/**
 * Initializes, on a thread of its own while the main thread reads the command line, the library
 * classes every command needs soon after and whose first use is slow: Jackson's ObjectMapper (the
 * console's event log holds one; ~25 ms on the main thread otherwise) and the message digests of
 * checksums and ids. The main thread waits only if it needs one of them before it is ready. Only
 * JDK and library classes are initialized here, none of Quarry's own, so no two threads can wait
 * on each other's class initialization.
 */
final class WarmUp {

    private WarmUp() {}

    static void start() {
        Thread thread = new Thread(WarmUp::run, "quarry-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("warm", 1));
            java.security.MessageDigest.getInstance("SHA-256");
            java.security.MessageDigest.getInstance("MD5");
        } catch (Exception | LinkageError e) {
            // nothing to warm: the first real use reports whatever is wrong
        }
    }
}
