using System.Globalization;
using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;

namespace SessionResume.Application;

/// <summary>
/// Builds that started and were never seen to end. The targets write a start marker into the
/// project's obj folder when a build begins; the build's end removes it (the capture task, or the
/// target after Build). The capture task also leaves a pointer to the marker next to the state file
/// (<see cref="ProjectPointer"/>), so that the markers of every project can be found. A marker
/// that is still there belongs to a build that stopped on an error the package cannot see (in
/// BeforeBuild, in a target after Build) or that is still running. SessionRestore records each as
/// incomplete, in its explicit step before rendering, unless the state already holds a later build
/// of that project. The builds themselves never do: in a solution build another project's marker is
/// usually a build that is still running.
/// </summary>
public static class UnfinishedBuilds
{
    internal sealed record Marker(string Path, string Project, string Framework, string? SucceededFile, DateTime Started);

    /// <summary>The markers the pointers next to the state file name, that exist now.</summary>
    internal static IReadOnlyList<string> Find(string stateFile) =>
        ProjectPointer.All(stateFile).Select(p => p.Marker).Where(File.Exists).ToList();

    /// <summary>A marker's facts; null when it cannot be read (it is then left alone).</summary>
    internal static Marker? Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        var values = lines.Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.Ordinal);
        if (!values.TryGetValue("project", out var project) || project.Length == 0) return null;
        if (!values.TryGetValue("started", out var text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var started))
            return null;
        var framework = values.GetValueOrDefault("framework") is { Length: > 0 } f ? f : "default";
        return new Marker(path, project, framework, values.GetValueOrDefault("succeeded") is { Length: > 0 } s ? s : null, started);
    }

    /// <summary>
    /// Records every unfinished build as incomplete, as an update of the same session, and removes
    /// its marker (and the project's succeeded file, so that its next build records again). No
    /// marker, no update: nothing is locked or written.
    /// </summary>
    internal static IReadOnlyList<Problem> RecordPending(Session session, Func<DateTime> clock)
    {
        var markers = Find(session.Location.StateFile).Select(Read).OfType<Marker>().ToList();
        if (markers.Count == 0) return [];
        var result = SessionWriter.Update(session, clock, (state, context) =>
        {
            foreach (var marker in markers)
            {
                var project = SessionPaths.ToSessionPath(marker.Project, session.Root);
                var recorded = state.Build.Projects.GetValueOrDefault(project)?.Frameworks.GetValueOrDefault(marker.Framework);
                // A failure of this build (or of a later one) is already recorded: only the marker is left
                // over. A success recorded after CoreBuild is not the build's end: something after it failed.
                if (recorded is { Time: { } time } && time >= Time.Truncate(marker.Started) && recorded.Outcome != BuildOutcome.Succeeded)
                    continue;
                BuildOutcomes.Record(state, project, marker.Framework, BuildOutcome.Incomplete, errors: null, compiled: false,
                    Time.Truncate(marker.Started));
            }
            // Markers whose build is already recorded change nothing: no write, no new last activity.
            return Change.IfChanged([]);
        }, UpdateKind.SameSession);
        if (result.Recorded || result.Problems.Count == 0)
        {
            foreach (var marker in markers)
            {
                TryDelete(marker.Path);
                if (marker.SucceededFile is not null) TryDelete(marker.SucceededFile);
            }
        }
        return result.Problems;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
