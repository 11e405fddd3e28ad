using System.Globalization;
using System.IO.Hashing;

namespace SessionResume.Observations;

/// <summary>
/// The content hash kept with an entry when it is recorded (XxHash3 of the file's bytes, 16 hex
/// digits), so that a reader can tell later that the file changed or went away since: no git needed.
/// </summary>
public static class FileHash
{
    /// <summary>Larger files are not hashed (nor read for source lines): no entry keeps a hash of one.</summary>
    public const long MaxBytes = 4_000_000;

    /// <summary>A session path's file hash now; null when it does not exist, lies outside the root ({ext}/…) or is too big.</summary>
    public static string? Of(string sessionRoot, string? sessionPath)
    {
        if (string.IsNullOrEmpty(sessionPath) || sessionPath.StartsWith('{')) return null;
        var full = Path.Combine(sessionRoot, sessionPath);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists || info.Length > MaxBytes) return null;
            return XxHash3.HashToUInt64(File.ReadAllBytes(full)).ToString("x16", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
