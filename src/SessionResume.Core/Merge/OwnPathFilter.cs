
namespace SessionResume.Merge;

/// <summary>
/// Matches the package's own paths. Case-insensitive, as on Windows and macOS disks: leaving out a
/// user's file that differs from ours only in case costs little, listing our own lock file looks broken.
/// </summary>
internal sealed class OwnPathFilter(IReadOnlyCollection<string> ownPaths)
{
    readonly string[] folders = ownPaths.Select(Normalize).Where(p => p.EndsWith('/')).ToArray();
    readonly string[] files = ownPaths.Select(Normalize).Where(p => p.Length > 0 && !p.EndsWith('/')).ToArray();

    public bool Matches(string path)
    {
        foreach (var folder in folders)
            if (path.StartsWith(folder, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var file in files)
            if (path.Equals(file, StringComparison.OrdinalIgnoreCase)
                || (path.StartsWith(file, StringComparison.OrdinalIgnoreCase) && path[file.Length] == '.'))   // .lock, .tmp-*, .corrupt-*
                return true;
        return false;
    }

    // "./x" and "x" are the same path; '\' from a Windows caller is '/' in session paths.
    static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        return path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
    }
}
