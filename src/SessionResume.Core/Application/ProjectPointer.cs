using SessionResume.Fingerprints;

namespace SessionResume.Application;

/// <summary>
/// What the capture task knows of one project build folder, for the steps that run when no build
/// of it does (SessionRestore): its start marker, its project file, NuGet's record of its last
/// restore and its succeeded file. One small file next to the state file per folder,
/// <c>&lt;state file&gt;.build-&lt;hash of the marker&gt;</c>: the marker's path on the first line (all that
/// earlier versions wrote), then <c>key=value</c> lines.
/// </summary>
public sealed record ProjectPointer(string Marker, string? Project, string? RestoreRecord, string? SucceededFile)
{
    const string Infix = ".build-";

    /// <summary>Leaves (or brings up to date) the pointer of a project build folder; never throws.</summary>
    public void Save(string stateFile)
    {
        var path = stateFile + Infix + Fingerprint.Hash(Marker)[..12];
        var text = Marker + "\n" + Line("project", Project) + Line("restore", RestoreRecord) + Line("succeeded", SucceededFile);
        try
        {
            if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The state was just written there, so this is rare; the cost is only that SessionRestore
            // cannot see this project's unfinished build or failed restore.
        }
    }

    /// <summary>Every pointer next to the state file, in a stable order; unreadable ones are skipped.</summary>
    public static IReadOnlyList<ProjectPointer> All(string stateFile)
    {
        var directory = Path.GetDirectoryName(stateFile);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory)) return [];
        var pointers = new List<ProjectPointer>();
        try
        {
            var paths = Directory.EnumerateFiles(directory, Path.GetFileName(stateFile) + Infix + "*").Order(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var lines = File.ReadAllLines(path);
                if (lines.Length == 0 || lines[0].Trim().Length == 0) continue;
                var values = lines.Skip(1).Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[1].Trim().Length > 0)
                    .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.Ordinal);
                pointers.Add(new ProjectPointer(lines[0].Trim(), values.GetValueOrDefault("project"), values.GetValueOrDefault("restore"),
                    values.GetValueOrDefault("succeeded")));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be listed or a pointer removed meanwhile: what was read is kept.
        }
        return pointers;
    }

    static string Line(string key, string? value) => string.IsNullOrEmpty(value) ? "" : $"{key}={value}\n";
}
