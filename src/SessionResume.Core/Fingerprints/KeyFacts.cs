using System.Text.RegularExpressions;
using SessionResume.Common;

namespace SessionResume.Fingerprints;

/// <summary>
/// Step 4 of the normalisation: codes whose messages are noisy by nature (feed lists, retry counts,
/// locking process ids) are identified by their one key fact instead of their text.
/// </summary>
internal static partial class KeyFacts
{
    /// <summary>The key fact for <paramref name="code"/> (upper-case), or null when the code has none or it cannot be found.</summary>
    public static string? Find(string code, string message, string sessionRoot) => code switch
    {
        // "Unable to find package Foo.Bar. No packages exist with this id in source(s): ..."
        // NuGet ids are case-insensitive, so Foo.Bar and foo.bar are one missing package.
        "NU1101" or "NU1102" or "NU1103" => PackageId().Match(message) is { Success: true } m
            ? "package:" + m.Groups["id"].Value.ToLowerInvariant()
            : null,
        // "Could not copy "obj\Debug\net8.0\App.dll" to "bin\Debug\net8.0\App.dll". Beginning retry 1 in 1000ms. ..."
        "MSB3021" or "MSB3026" or "MSB3027" => Destination(message) is { } destination
            ? "destination:" + DestinationIdentity(destination, sessionRoot)
            : null,
        _ => null,
    };

    /// <summary>The "to" path; in a translated message, the second quoted string (the order is the same).</summary>
    static string? Destination(string message)
    {
        var to = CopyDestination().Match(message);
        if (to.Success) return to.Groups["path"].Value;
        var quoted = QuotedText().Matches(message);
        return quoted.Count >= 2 ? quoted[1].Groups["text"].Value : null;
    }

    /// <summary>
    /// A relative destination is relative to the project folder, which is not known here; it stays as
    /// written (with '/'), and the diagnostic's file tells projects apart.
    /// </summary>
    static string DestinationIdentity(string destination, string sessionRoot)
    {
        var decoded = PathText.DecodeFileUri(destination.Trim());
        var path = PathText.IsAbsolute(decoded) ? IdentityPaths.For(decoded, sessionRoot) : PathText.Canonical(decoded);
        return BuildOutputPaths.WithPlaceholders(path);
    }

    [GeneratedRegex(@"\bpackage\s+'?(?<id>[A-Za-z0-9_][A-Za-z0-9_.\-]*?)'?\.?(?=\s|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PackageId();

    [GeneratedRegex(@"""[^""\r\n]+""\s+to\s+""(?<path>[^""\r\n]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex CopyDestination();

    [GeneratedRegex(@"""(?<text>[^""\r\n]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();
}
