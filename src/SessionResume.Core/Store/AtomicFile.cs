
namespace SessionResume.Store;

/// <summary>
/// Writes a file so that readers only ever see the old or the new content: a temporary file in the
/// same directory (a rename is atomic only within one volume), flushed, then renamed over the target.
/// The one atomic write of the package: the state, the archives and the digest.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The temporary files' marker; a writer that is killed leaves one behind.</summary>
    const string TempMarker = ".tmp-";

    /// <summary>Old enough that no writer can still be busy with it.</summary>
    static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <param name="createTemp">Opens the temporary file; tests put a stream here that fails as a full disk does.</param>
    public static void Write(string path, ReadOnlySpan<byte> content, Func<string, Stream>? createTemp = null)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = createTemp?.Invoke(temp) ?? new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                if (stream is FileStream file) file.Flush(flushToDisk: true);
                else stream.Flush();
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A temporary file name for <paramref name="path"/>: its name, the marker, this process and a unique part.</summary>
    public static string TempPathFor(string path) => $"{path}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Temporary files that <see cref="Write"/> made for files in <paramref name="directory"/>.</summary>
    public static IEnumerable<string> TempFiles(string directory, string targetFileNamePattern = "*") =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, targetFileNamePattern + TempMarker + "*") : [];

    /// <summary>
    /// Removes temporary files left by killed writers. Only old ones: without a lock, a young one may
    /// belong to a writer that is still running. Best effort; a file that cannot go stays for next time.
    /// </summary>
    public static void DeleteStaleTempFiles(string directory, string targetFileNamePattern = "*")
    {
        foreach (var file in TempFiles(directory, targetFileNamePattern).ToList())
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleAfter) File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
