package io.millwright.core.internal.runtime;

/** One tag that arrives but feeds no machine, with how many samples it brought. */
public record UnmappedTagsView(String deviceId, String tag, long samples) {
}
