using SessionResume.Model;

namespace SessionResume.Tests.Architecture;

/// <summary>
/// The core's folders are the stages of one pipeline, in this order; a stage may use the stages
/// before it and never one after it, so each can be read, tested and changed knowing only those.
/// </summary>
public class StageOrderTests
{
    /// <summary>The stages, first to last. A new folder of the core goes into this list where it belongs.</summary>
    public static readonly string[] Stages =
    [
        "Common",        // SR codes and problems, paths, text, time: what every stage uses
        "Model",         // the state document and its JSON format (schema versions, migration)
        "Config",        // the settings table and .session-resume.json
        "Redaction",     // secrets out of every free text
        "Fingerprints",  // the identity of an error or a test
        "Observations",  // what a compile, a test run and git report (SARIF, results, journals, git status)
        "Merge",         // observations, SessionSave and other state files merged into the state
        "Store",         // the state file on disk: location, lock, atomic write, set-aside, size limit
        "Lifecycle",     // where a session ends and the next begins: boundaries, ids, clock, archive
        "Views",         // what people and agents read: restore summary, history list, digest
        "Application",   // the one write path, the captures, the verbs and the restore
    ];

    static readonly IReadOnlyDictionary<(string From, string To), string> References =
        StageReferences.Of(typeof(SessionState).Assembly);

    [Fact]
    public void Every_namespace_of_the_core_is_a_known_stage()
    {
        var stages = typeof(SessionState).Assembly.GetTypes().Select(StageReferences.StageOf).OfType<string>().Distinct();
        Assert.Empty(stages.Except(Stages));
    }

    [Fact]
    public void No_stage_uses_a_later_one()
    {
        var backwards = References
            .Where(r => Array.IndexOf(Stages, r.Key.From) < Array.IndexOf(Stages, r.Key.To))
            .Select(r => $"{r.Key.From} -> {r.Key.To}: {r.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(backwards.Count == 0, "Backward references:\n" + string.Join("\n", backwards));
    }

    /// <summary>The check above is only as good as what it sees: it sees calls inside method bodies, not only signatures.</summary>
    [Theory]
    [InlineData("Application", "Redaction")]   // SessionWriter calls StateRedaction.Apply
    [InlineData("Merge", "Fingerprints")]      // TestMerge calls Fingerprint.ForTest
    [InlineData("Views", "Model")]             // SummaryRenderer serializes with StateJson
    public void The_check_sees_calls_made_inside_method_bodies(string from, string to) =>
        Assert.True(References.ContainsKey((from, to)), $"{from} -> {to} was not seen");
}
