using System.Diagnostics;

namespace SessionResume.Store;

/// <summary>
/// The cross-process lock of one state file: a sibling .lock file held with an exclusive OS lock,
/// which the OS releases even if the process is killed, taken fairly (see <see cref="Acquire"/>).
/// </summary>
internal sealed class StateLock(string stateFile, TimeSpan timeout)
{
    public static string FileFor(string stateFile) => stateFile + ".lock";

    string LockFile => FileFor(stateFile);

    /// <summary>
    /// Takes the exclusive lock, fairly: polling alone would let a process that updates back to back
    /// take the lock again before any sleeping waiter wakes, and shut the waiter out until its
    /// timeout. So a writer that has to wait says so with a marker file, and a newcomer that sees
    /// another's marker does not jump the queue: it becomes a waiter too, and the waiters compete.
    /// </summary>
    public FileStream? Acquire()
    {
        var watch = Stopwatch.StartNew();
        string? waiting = null;
        try
        {
            while (true)
            {
                if (waiting is not null || !OthersWaiting())
                {
                    try
                    {
                        // FileShare.None is an exclusive OS lock (flock on Unix): it dies with its process.
                        return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    }
                    catch (IOException) when (watch.Elapsed < timeout)
                    {
                    }
                    catch (IOException) when (File.Exists(LockFile))
                    {
                        return null;
                    }
                }
                else if (watch.Elapsed >= timeout)
                {
                    return null;
                }
                waiting ??= MarkWaiting();
                Thread.Sleep(2 + Random.Shared.Next(8));
            }
        }
        finally
        {
            if (waiting is not null) TryDelete(waiting);
        }
    }

    string WaitPrefix => Path.GetFileName(LockFile) + ".wait-";

    string MarkWaiting()
    {
        var marker = Path.Combine(Path.GetDirectoryName(stateFile)!, $"{WaitPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllBytes(marker, []);
        return marker;
    }

    /// <summary>
    /// Whether another writer is waiting. A marker older than the lock timeout belongs to a writer that
    /// gave up or was killed.
    /// </summary>
    bool OthersWaiting()
    {
        foreach (var marker in Directory.EnumerateFiles(Path.GetDirectoryName(stateFile)!, WaitPrefix + "*"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(marker) < timeout + TimeSpan.FromSeconds(5)) return true;
            TryDelete(marker);
        }
        return false;
    }

    internal static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
