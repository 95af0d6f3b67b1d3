package dev.aigc.serving.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How a process names itself in records other replicas read (lock holders, who activated a version). */
public final class Replicas {

    private static final String SELF = compute();

    private Replicas() {
    }

    /** The host name (the pod name in Kubernetes) and the process id, e.g. {@code gan-7d9f-abcde/1}. */
    public static String self() {
        return SELF;
    }

    private static String compute() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
