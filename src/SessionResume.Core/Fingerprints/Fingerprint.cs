namespace SessionResume.Fingerprints;

// STUB: the real implementation follows ../shared/FINGERPRINTS.md.
public static class Fingerprint
{
    /// <summary>Tool name used for every compiler/analyzer diagnostic read from a build.</summary>
    public const string BuildTool = "build";

    /// <summary>Identity of a build diagnostic: 16 lower-case hex digits of XxHash3_64 over the normalised parts.</summary>
    public static string ForDiagnostic(string tool, string code, string sessionPath, string message, string sessionRoot)
        => Hash($"fp1\u001f{tool}\u001f{code}\u001f{sessionPath}\u001f{message}");

    /// <summary>How a fingerprint is printed: CODE- plus the first 12 hex digits.</summary>
    public static string Display(string code, string fingerprint) => $"{code}-{fingerprint[..Math.Min(12, fingerprint.Length)]}";

    public static string Hash(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return System.IO.Hashing.XxHash3.HashToUInt64(bytes).ToString("x16");
    }
}

public static class SessionPaths
{
    /// <summary>A path as the package writes it: relative to the session root with '/', or {ext}/name outside it.</summary>
    public static string ToSessionPath(string path, string sessionRoot)
    {
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) path = new Uri(path).LocalPath;
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(sessionRoot, full).Replace('\\', '/');
        return rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? "{ext}/" + Path.GetFileName(full) : rel;
    }
}
