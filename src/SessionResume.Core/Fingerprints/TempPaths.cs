using SessionResume.Common;

namespace SessionResume.Fingerprints;

/// <summary>
/// Recognises temporary paths. Their names are random per run (tmpA1B2.tmp, a fresh GUID folder), so
/// for identity they all become "{tmp}". Only asked about paths outside the session root: a
/// repository that itself lives under /tmp (CI checkouts, test sandboxes) keeps its real paths.
/// </summary>
internal static class TempPaths
{
    // Folder names that mean "temporary" on the usual hosts: /tmp, /var/tmp, %LOCALAPPDATA%\Temp,
    // C:\Windows\Temp, and the agents' work temp (GitHub Actions and Azure Pipelines use "_temp").
    static readonly HashSet<string> TempFolderNames = new(StringComparer.OrdinalIgnoreCase) { "tmp", "temp", "_temp" };

    // macOS gives every user a per-boot folder under /var/folders (the "T" subfolder is TMPDIR).
    static readonly string[] TempPrefixes = ["/var/folders/", "/private/var/folders/"];

    // A TMPDIR that follows none of the conventions above (e.g. /scratch/job42) is still temporary here.
    static readonly Lazy<string?> HostTemp = new(() =>
    {
        try { return PathText.Canonical(Path.GetTempPath()); }
        catch (Exception e) when (e is System.Security.SecurityException or IOException) { return null; }
    });

    public static bool IsTemp(string canonicalAbsolutePath)
    {
        if (TempPrefixes.Any(p => canonicalAbsolutePath.StartsWith(p, StringComparison.OrdinalIgnoreCase))) return true;
        var host = HostTemp.Value;
        if (!string.IsNullOrEmpty(host) && host != "/" && PathText.TryRelativeTo(canonicalAbsolutePath, host, out _)) return true;
        var folders = canonicalAbsolutePath.Split('/');
        // The last segment is the file itself; a file merely named "temp" is not a temp folder.
        for (var i = 0; i < folders.Length - 1; i++)
            if (TempFolderNames.Contains(folders[i])) return true;
        return false;
    }
}
