package dev.baton.train;

/**
 * XGBoost's jar carries native code for Linux x86-64, macOS x86-64 and Windows x64 only: where it cannot load,
 * the catalog says so instead of failing.
 */
final class XGBoostAvailability {

    static final boolean AVAILABLE;
    static final String REASON;

    static {
        boolean ok;
        String reason = null;
        try {
            ml.dmlc.xgboost4j.java.DMatrix probe = new ml.dmlc.xgboost4j.java.DMatrix(new float[]{1f}, 1, 1, Float.NaN);
            probe.dispose();
            ok = true;
        } catch (Throwable e) {
            ok = false;
            reason = "XGBoost's native library does not load on this platform (" + System.getProperty("os.name") + ", "
                    + System.getProperty("os.arch") + "): " + e.getMessage();
        }
        AVAILABLE = ok;
        REASON = reason;
    }

    private XGBoostAvailability() {
    }
}
