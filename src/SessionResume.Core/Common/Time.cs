using System.Globalization;

namespace SessionResume.Common;

public static class Time
{
    /// <summary>UTC ISO 8601 to the second, the one time format the package writes.</summary>
    public static string Format(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncated to whole seconds, so what is written and read back compares equal.</summary>
    public static DateTime Truncate(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
