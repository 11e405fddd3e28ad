using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace SessionResume.Fingerprints;

/// <summary>
/// "The same problem" as a stable 16-hex-digit id (docs/fingerprints.md): the same across builds,
/// sessions, machines and operating systems, and different for different problems. Line, column,
/// severity, project, target framework and absolute paths are never part of it.
/// </summary>
public static class Fingerprint
{
    /// <summary>Tool name used for every compiler/analyzer diagnostic read from a build.</summary>
    public const string BuildTool = "build";

    /// <summary>Tool names of the two test identities; they keep a test and a diagnostic from ever sharing an id.</summary>
    public const string TestTool = "test";
    public const string TestFailureTool = "test-failure";

    /// <summary>Bumped only together with a migration: every stored fingerprint depends on it.</summary>
    const string Version = "fp1";

    /// <summary>Separates the parts (U+001F, unit separator) so that no part can run into the next.</summary>
    const char Separator = '\u001f';

    /// <summary>The shortest prefix a person may type to name a fingerprint.</summary>
    public const int MinimumPrefixLength = 8;

    /// <summary>How many hex digits are printed after "CODE-".</summary>
    public const int DisplayLength = 12;

    /// <summary>
    /// Identity of a build diagnostic: XxHash3_64 of "fp1" ␟ tool ␟ CODE ␟ identity path ␟ normalised
    /// message. <paramref name="sessionPath"/> is normally already relative (as
    /// <see cref="SessionPaths.ToSessionPath"/> gives it); an absolute one is accepted too.
    /// </summary>
    public static string ForDiagnostic(string tool, string code, string sessionPath, string message, string sessionRoot)
    {
        var normalizedCode = NormalizeCode(code);
        var path = IdentityPaths.For(sessionPath ?? "", sessionRoot);
        var text = KeyFacts.Find(normalizedCode, message ?? "", sessionRoot) ?? MessageNormalizer.Normalize(message ?? "", sessionRoot);
        return HashParts((tool ?? "").Trim(), normalizedCode, path, text);
    }

    /// <summary>
    /// Identity of a test: assembly simple name + fully qualified name + the data row's arguments as
    /// displayed. Arguments are not masked: Add(1,2) and Add(2,3) are different tests.
    /// </summary>
    public static string ForTest(string assemblyName, string fullyQualifiedName, string displayName)
    {
        var fullName = (fullyQualifiedName ?? "").Trim();
        return HashParts(TestTool, TestIdentityParts.AssemblySimpleName(assemblyName), fullName,
            TestIdentityParts.DataRow(fullName, displayName));
    }

    /// <summary>
    /// Signature of a test failure, to tell "the same failure again" from "a new failure of the same
    /// test": exception type + masked message + the top frame inside the repository, without line numbers.
    /// </summary>
    public static string ForTestFailure(string? exceptionType, string? message, string? topFrameInRepo, string sessionRoot) =>
        HashParts(TestFailureTool, (exceptionType ?? "").Trim(), MessageNormalizer.Normalize(message ?? "", sessionRoot),
            TestIdentityParts.Frame(topFrameInRepo, sessionRoot));

    /// <summary>How a fingerprint is printed: CODE- plus the first 12 hex digits.</summary>
    public static string Display(string code, string fingerprint) =>
        $"{code}-{fingerprint[..Math.Min(DisplayLength, fingerprint.Length)]}";

    /// <summary>
    /// Whether what a person typed names <paramref name="fingerprint"/>: "CS0029-0123456789ab" (as
    /// printed) or a bare hex prefix, either way at least 8 hex digits. Whether the prefix is unique
    /// among the stored fingerprints is for the caller to check.
    /// </summary>
    public static bool MatchesPrefix(string displayedOrRaw, string fingerprint)
    {
        if (string.IsNullOrWhiteSpace(displayedOrRaw) || string.IsNullOrEmpty(fingerprint)) return false;
        var typed = displayedOrRaw.Trim();
        var prefix = typed[(typed.LastIndexOf('-') + 1)..];
        return prefix.Length >= MinimumPrefixLength && fingerprint.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// XxHash3_64 (seed 0) of the UTF-8 bytes, as 16 lower-case hex digits. Platform-independent, unlike
    /// string.GetHashCode.
    /// </summary>
    public static string Hash(string text) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text)).ToString("x16", CultureInfo.InvariantCulture);

    static string HashParts(params string[] parts) => Hash(Version + Separator + string.Join(Separator, parts));

    /// <summary>One rule is one rule however a tool or a person cased its id (xUnit1004, XUNIT1004).</summary>
    static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
