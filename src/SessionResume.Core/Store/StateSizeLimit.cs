using System.Text;
using SessionResume.Model;

namespace SessionResume.Store;

/// <summary>
/// Keeps the state file small enough to read at a glance and cheap for an agent, whatever a build
/// throws at it: when the document would exceed the limit, the least useful machine-made detail is
/// halved, category by category, and every cut is counted in an "omitted" field so the state says
/// what it left out. What a person or agent wrote is never cut.
/// </summary>
public static class StateSizeLimit
{
    public const int MaxBytes = 256 * 1024;
    // A margin, so that the counts written by the last cut cannot push the file over the limit.
    const int Goal = MaxBytes - 8 * 1024;
    const int KeepAtLeast = 10;

    /// <summary>The state as JSON, trimmed to fit the limit when it would not.</summary>
    public static string Serialize(SessionState state)
    {
        var json = StateJson.Serialize(state);
        for (var round = 0; round < 32 && Encoding.UTF8.GetByteCount(json) > Goal; round++)
        {
            if (!TrimOnce(state)) break;
            json = StateJson.Serialize(state);
        }
        return json;
    }

    static bool TrimOnce(SessionState s) =>
        HalveWarnings(s.Warnings) || HalveResolved(s.Errors) || HalveFixed(s.Tests) || HalveFiles(s.Files)
        || HalveFailures(s.Tests) || HalveUnresolved(s.Errors);

    static bool HalveWarnings(WarningSection w)
    {
        if (w.Entries.Count == 0) return false;
        var removed = Halve(w.Entries, 0);
        w.Omitted += removed;
        return removed > 0;
    }

    static bool HalveResolved(ErrorSection e)
    {
        var removed = Halve(e.Resolved, KeepAtLeast);
        e.ResolvedOmitted += removed;
        return removed > 0;
    }

    static bool HalveFixed(TestSection t) => Halve(t.Fixed, 0) > 0;

    static bool HalveFiles(FileChanges f)
    {
        var removed = Halve(f.Created, KeepAtLeast) + Halve(f.Modified, KeepAtLeast) + Halve(f.Deleted, KeepAtLeast);
        f.Omitted += removed;
        return removed > 0;
    }

    static bool HalveFailures(TestSection t)
    {
        var removed = Halve(t.Failures, KeepAtLeast);
        if (removed == 0) return false;
        t.FailuresOmitted += removed;
        t.FailedPaths = t.Failures.Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        return true;
    }

    static bool HalveUnresolved(ErrorSection e)
    {
        var keep = Math.Max(KeepAtLeast, e.Unresolved.Count / 2);
        if (e.Unresolved.Count <= keep) return false;
        e.Omitted ??= new(StringComparer.Ordinal);
        foreach (var dropped in e.Unresolved.Skip(keep))
        {
            if (!e.Omitted.TryGetValue(dropped.Project, out var count)) e.Omitted[dropped.Project] = count = new OmittedCount();
            count.Count++;
            count.ByCode[dropped.Code] = count.ByCode.GetValueOrDefault(dropped.Code) + ErrorCounts.Of(dropped);
        }
        e.Unresolved.RemoveRange(keep, e.Unresolved.Count - keep);
        return true;
    }

    /// <summary>
    /// Removes the second half of a list (its least recent or least important entries), keeping at least
    /// <paramref name="floor"/>.
    /// </summary>
    static int Halve<T>(List<T> list, int floor)
    {
        var keep = Math.Max(floor, list.Count / 2);
        if (list.Count <= keep) return 0;
        var removed = list.Count - keep;
        list.RemoveRange(keep, removed);
        return removed;
    }
}
