using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;

namespace SessionResume.Application;

/// <summary>
/// NuGet's record of each project's last restore (<see cref="RestoreLog"/>), for SessionRestore. A
/// failed restore stops <c>dotnet build</c> and <c>dotnet test</c> before any target of the package
/// runs, so its errors reach the state here, or in the project's next build (the capture reads its
/// own record). The projects are the ones the pointers next to the state file name
/// (<see cref="ProjectPointer"/>): a project whose restore has never succeeded with the package
/// cannot be seen, because NuGet imports the package's targets only after a successful restore.
/// </summary>
public static class RestoreRecords
{
    /// <summary>
    /// Merges every restore record that says something new, as an update of the same session, and
    /// removes the succeeded file of each project whose restore failed, so that its next build records
    /// again. A dry run first: when nothing would change, nothing is locked or written, and git is not asked.
    /// </summary>
    internal static IReadOnlyList<Problem> RecordPending(Session session, Func<DateTime> clock)
    {
        var pointers = ProjectPointer.All(session.Location.StateFile)
            .Where(p => p.RestoreRecord is not null && p.Project is not null).ToList();
        var restores = pointers.GroupBy(p => p.RestoreRecord!, StringComparer.Ordinal)
            .Select(g => RestoreLog.Read(g.Key, session.Root, g.First().Project!))
            .OfType<RestoreObservation>()
            .ToList();
        if (restores.Count == 0) return [];
        var dryRun = SessionWriter.WouldChange(session, clock, ifNoState: restores.Any(r => !r.Succeeded),
            (state, context) => { foreach (var restore in restores) RestoreMerge.Apply(state, restore, context); });
        if (!dryRun) return [];
        var result = SessionWriter.Update(session, clock,
            (state, context) => Change.IfChanged(restores.SelectMany(r => RestoreMerge.Apply(state, r, context)).ToList()),
            UpdateKind.SameSession);
        if (result.Recorded)
        {
            var failed = restores.Where(r => !r.Succeeded).Select(r => r.Project).ToHashSet(StringComparer.Ordinal);
            foreach (var pointer in pointers.Where(p => p.SucceededFile is not null
                                                        && failed.Contains(SessionPaths.ToSessionPath(p.Project!, session.Root))))
                TryDelete(pointer.SucceededFile!);
        }
        return result.Problems;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
