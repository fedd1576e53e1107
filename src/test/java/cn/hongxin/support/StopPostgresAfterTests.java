package cn.hongxin.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the cached Spring test contexts, then stops the embedded PostgreSQL server, when the test
 * session ends; left to shutdown hooks, the two race and Surefire waits 30 s for the fork.
 */
public class StopPostgresAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SpringContexts.closeAll();
        EmbeddedPostgresServer.stop();
    }
}
