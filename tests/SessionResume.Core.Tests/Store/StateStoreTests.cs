using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Store;

public class StateStoreTests
{
    static readonly DateTime Now = new(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Person_written_fields_and_unknown_keys_survive_an_update_untouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllText(path, """
            {
              "schema_version": 1,
              "objectives": { "primary": "Ship JWT auth", "secondary": ["docs"], "status": "in-progress", "owner": "ana" },
              "progress": { "completed": ["Auth middleware"], "in_progress": ["Login page"], "blocked": [] },
              "todos": ["Write the migration"],
              "context": { "tech_stack": ["C#"], "key_decisions": ["Use JWT"], "architecture_notes": "Hexagonal" },
              "next_prompts": ["Ask about refresh tokens"],
              "errors": { "unresolved": [ { "file": "a.cs", "line": 1, "error": "x", "attempts": 1, "fingerprint": "ab", "code": "CS1", "project": "p", "my_note": "tried twice" } ], "resolved": [] },
              "my_notes": { "a": 1, "nested": [true, null, "x"] }
            }
            """);
        var result = new StateStore(path, () => Now).Update(s => { s.Tests.Passing = 3; return true; });
        Assert.True(result.Written);

        var text = File.ReadAllText(path);
        var state = StateJson.Deserialize(text);
        Assert.Equal("Ship JWT auth", state.Objectives.Primary);
        Assert.Equal("ana", state.Objectives.Extra!["owner"].GetString());
        Assert.Equal(["Login page"], state.Progress.InProgress);
        Assert.Equal(["Write the migration"], state.Todos);
        Assert.Equal("Hexagonal", state.Context.ArchitectureNotes);
        Assert.Equal("tried twice", state.Errors.Unresolved[0].Extra!["my_note"].GetString());
        Assert.Contains("\"my_notes\": {", text);
        Assert.Contains("\"nested\": [", text);
        Assert.Equal(3, state.Tests.Passing);
    }

    [Theory]
    [InlineData("{ not json", "invalid JSON")]
    [InlineData("", "empty")]
    [InlineData("[1, 2]", "the document is an array, not a JSON object")]
    [InlineData("{\"errors\": \"none\"}", "$.errors")]
    [InlineData("{\"errors\": {\"unresolved\": [{\"line\": \"ten\"}]}}", "$.errors.unresolved[0].line")]
    [InlineData("{\"schema_version\": 99}", "schema_version 99")]
    public void An_unreadable_state_is_kept_aside_reported_and_replaced_by_a_fresh_one(string content, string expectedReason)
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllText(path, content);

        var result = new StateStore(path, () => Now).Update(s => { s.Todos.Add("fresh"); return true; });

        var aside = dir.File(".session-state.json.corrupt-20261124T200000Z");
        Assert.True(File.Exists(aside));
        Assert.Equal(content, File.ReadAllText(aside));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SR0001", problem.Code);
        Assert.Contains(aside, problem.Message);
        Assert.Contains(expectedReason, problem.Message);
        Assert.Equal(["fresh"], StateJson.Deserialize(File.ReadAllText(path)).Todos);
    }

    [Fact]
    public void A_second_corrupt_file_never_overwrites_the_first_one_kept_aside()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        var store = new StateStore(path, () => Now);
        File.WriteAllText(path, "first");
        store.Update(_ => true);
        File.WriteAllText(path, "second");
        store.Update(_ => true);
        Assert.Equal("first", File.ReadAllText(path + ".corrupt-20261124T200000Z"));
        Assert.Equal("second", File.ReadAllText(path + ".corrupt-20261124T200000Z-2"));
    }

    [Fact]
    public void Invalid_utf8_is_reported_not_silently_replaced()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllBytes(path, [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)'}']);
        var result = new StateStore(path, () => Now).Update(_ => true);
        Assert.Equal("SR0001", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllText(path, "{\"todos\": [\"x\"]}", new System.Text.UTF8Encoding(true));
        var result = new StateStore(path, () => Now).Update(_ => true);
        Assert.Empty(result.Problems);
        Assert.Equal(["x"], StateJson.Deserialize(File.ReadAllText(path)).Todos);
    }

    [Fact]
    public void Leftover_temporary_files_of_a_killed_writer_are_removed_by_the_next_writer()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllText(path + ".tmp-123-abc", "{ half");
        new StateStore(path, () => Now).Update(_ => true);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void A_held_lock_makes_the_writer_give_up_after_the_timeout_with_a_warning()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        using var held = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var result = new StateStore(path, () => Now, TimeSpan.FromMilliseconds(200)).Update(_ => true);
        Assert.False(result.Written);
        Assert.Equal("SR0002", Assert.Single(result.Problems).Code);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Concurrent_writers_lose_no_update()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            // Separate stores (and so separate lock handles), as separate processes would have.
            var result = new StateStore(path, () => Now).Update(s => { s.Todos.Add($"item {i}"); return true; });
            Assert.True(result.Written);
        });
        Assert.Equal(40, StateJson.Deserialize(File.ReadAllText(path)).Todos.Distinct().Count());
    }

    [Fact]
    public void Output_is_deterministic_with_utc_times_and_lf_line_ends()
    {
        var state = new SessionState { Timestamp = new DateTime(2026, 11, 24, 21, 0, 5, DateTimeKind.Utc) };
        var text = StateJson.Serialize(state);
        Assert.Equal(text, StateJson.Serialize(StateJson.Deserialize(text)));
        Assert.Contains("\"timestamp\": \"2026-11-24T21:00:05Z\"", text);
        Assert.DoesNotContain("\r", text);
        Assert.True(text.IndexOf("\"schema_version\"", StringComparison.Ordinal) < text.IndexOf("\"errors\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Times_with_an_offset_are_read_as_utc()
    {
        var state = StateJson.Deserialize("{\"timestamp\": \"2026-11-24T22:00:00+02:00\"}");
        Assert.Equal(new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc), state.Timestamp);
    }
}
