using System.Text.Json.Nodes;
using SessionResume.Model;
using SessionResume.Store;
using Xunit.Abstractions;
using static SessionResume.Tests.BadInput.BadInputRun;

namespace SessionResume.Tests.BadInput;

/// <summary>
/// A state file of an older schema is migrated, not set aside. The older schema is version 0, the
/// seed's layout: no schema_version (files from before the key existed) or schema_version 0. It is
/// read, upgraded to the current version and written back with every key kept.
/// </summary>
public class SchemaMigrationTests(ITestOutputHelper output)
{
    public static TheoryData<bool> SeedForms => new() { false, true };

    [Theory]
    [MemberData(nameof(SeedForms))]
    public void A_seed_layout_file_is_written_back_as_schema_version_1_with_every_key_and_value_kept(bool withVersionZero)
    {
        using var repo = new TaskRepository();
        var seed = StateCorpus.SeedLayout(withVersionZero);
        File.WriteAllText(repo.StateFile, seed);

        var result = new StateStore(repo.StateFile, () => Now).Update(_ => true);

        Assert.Empty(result.Problems);
        Assert.True(result.Written);
        Assert.Empty(Directory.GetFiles(repo.Root, "*.corrupt-*"));
        var written = JsonNode.Parse(File.ReadAllText(repo.StateFile))!.AsObject();
        Assert.Equal("schema_version", written.First().Key);
        Assert.Equal(1, written["schema_version"]!.GetValue<int>());
        var original = JsonNode.Parse(seed)!.AsObject();
        original.Remove("schema_version");
        foreach (var (path, value) in Leaves(original))
            Assert.True(JsonNode.DeepEquals(value, At(written, path)), $"{path}: {value?.ToJsonString()} became {At(written, path)?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(SeedForms))]
    public void A_build_over_a_seed_layout_file_records_without_a_warning_and_keeps_what_a_person_wrote(bool withVersionZero)
    {
        using var repo = new TaskRepository();
        CompileWithOneError(repo);
        File.WriteAllText(repo.StateFile, StateCorpus.SeedLayout(withVersionZero));
        var (task, engine) = Capture(repo);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Empty(Directory.GetFiles(repo.Root, "*.corrupt-*"));
        var state = StateJson.Deserialize(File.ReadAllBytes(repo.StateFile));
        Assert.Equal(1, state.SchemaVersion);
        Assert.Contains("\"schema_version\": 1,", File.ReadAllText(repo.StateFile));
        Assert.Equal("sess_20261124_001", state.SessionId);
        Assert.Equal(("Implement user authentication with JWT", "in-progress"), (state.Objectives.Primary, state.Objectives.Status));
        Assert.Equal(["Auth middleware"], state.Progress.Completed);
        Assert.Equal(["Login page"], state.Progress.InProgress);
        Assert.Equal(["Write the migration"], state.Todos);
        Assert.Equal(["Use JWT"], state.Context.KeyDecisions);
        Assert.Equal("Hexagonal", state.Context.ArchitectureNotes);
        Assert.Contains(state.Errors.Resolved, r => r.Fingerprint == "9b8c7d6e5f4a3b2c" && r.Resolution == "Added the using");
        // The seed's open error (no code or project: the seed had none) is kept beside this compile's.
        Assert.Contains(state.Errors.Unresolved, e => e.Fingerprint == "3f2a9c1e0b7d4a55" && e.File == "src/B.cs" && e.Line == 42);
        Assert.Contains(state.Errors.Unresolved, e => e.Code == "CS0029" && e.File == "src/App/B.cs");
        Assert.Equal(24, state.Tests.Passing);
    }

    [Fact]
    public void Odd_but_readable_state_files_are_read_without_a_warning_and_nothing_is_set_aside()
    {
        var rows = new List<CorpusRow>();
        foreach (var entry in StateCorpus.Tolerable)
        {
            using var repo = new TaskRepository();
            CompileWithOneError(repo);
            File.WriteAllText(repo.StateFile, entry.Json);
            var (task, engine) = Capture(repo);
            var failures = new List<string>();
            if (!task.Execute()) failures.Add("Execute returned false");
            if (engine.Warnings.Count > 0) failures.Add($"warnings: {string.Join(" | ", engine.Warnings.Select(w => $"{w.Code} {w.Message}"))}");
            if (Directory.GetFiles(repo.Root, "*.corrupt-*").Length > 0) failures.Add("a copy was set aside");
            try
            {
                var state = StateJson.Deserialize(File.ReadAllBytes(repo.StateFile));
                if (state.SchemaVersion != 1 || !state.Errors.Unresolved.Any(e => e.Code == "CS0029")) failures.Add("the compile was not recorded as version 1");
            }
            catch (Exception e)
            {
                failures.Add($"the state written is not valid: {e.Message}");
            }
            rows.Add(new CorpusRow(entry.Name, engine.Warnings.Count == 0 ? "-" : string.Join(",", engine.Warnings.Select(w => w.Code)),
                failures.Count == 0 ? "read, recorded" : "FAILED", null, null, entry.Why, failures));
        }
        var table = Table("CaptureBuildDiagnostics over odd but readable state files", rows);
        output.WriteLine(table);
        Assert.True(rows.All(r => r.Ok), table);
    }

    [Theory]
    [InlineData("{}", 1)]
    [InlineData("{\"schema_version\": 0}", 1)]
    [InlineData("{\"schema_version\": 1}", 1)]
    public void Reading_upgrades_older_versions_in_memory(string json, int expected) =>
        Assert.Equal(expected, StateJson.Deserialize(json).SchemaVersion);

    /// <summary>Every scalar (and empty container) of a document with its path, as ("errors", "unresolved", "0", "line").</summary>
    static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (key, value) in o)
                    foreach (var leaf in Leaves(value, path + "/" + key)) yield return leaf;
                break;
            case JsonArray a when a.Count > 0:
                for (var i = 0; i < a.Count; i++)
                    foreach (var leaf in Leaves(a[i], path + "/" + i)) yield return leaf;
                break;
            default:
                yield return (path, node);
                break;
        }
    }

    static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                _ => null,
            };
        return node;
    }
}
