package io.millwright.core.internal.model;

/**
 * One machine signal bound to one device tag: {@code press01/status bit(3)}. Written
 * {@code <device>/<tag>[ <transform>]}.
 */
public record SignalBinding(SignalKind kind, String deviceId, String tag, SignalTransform transform) {

    public static SignalBinding parse(SignalKind kind, String spec) {
        String s = spec.trim();
        int space = s.indexOf(' ');
        String address = space < 0 ? s : s.substring(0, space);
        String transform = space < 0 ? "" : s.substring(space + 1);
        int slash = address.indexOf('/');
        if (slash <= 0 || slash == address.length() - 1) {
            throw new IllegalArgumentException("'" + s + "' is not <device>/<tag>[ <transform>]");
        }
        return new SignalBinding(kind, address.substring(0, slash), address.substring(slash + 1),
                SignalTransform.parse(transform));
    }

    @Override
    public String toString() {
        return deviceId + "/" + tag + (transform.spec().isEmpty() ? "" : " " + transform.spec());
    }
}
