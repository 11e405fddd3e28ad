using System.Text;
using System.Text.Json.Nodes;

namespace SessionResume.Tests.BadInput;

/// <summary>A damaged state file: how to make it, and a phrase the SR0001 warning must contain (what is wrong).</summary>
public sealed record DamagedState(string Name, string ExpectedPhrase, Action<string> WriteTo)
{
    public override string ToString() => Name;
}

/// <summary>A state file that is odd but readable: read without a warning, nothing set aside (older ones migrated).</summary>
public sealed record TolerableState(string Name, string Json, string Why)
{
    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus for <c>.session-state.json</c>, generated here rather than committed as
/// binary files. Every damaged entry is a readable valid state broken in one way: the syntax, the
/// encoding, the shape (a wrong type at every level of the schema), the size, the depth, a
/// duplicate key, a literal JSON does not have, a future schema_version. The big ones are written
/// straight to disk, never held in memory.
/// </summary>
public static class StateCorpus
{
    /// <summary>The size of the oversized entry: well above <see cref="Store.StateStore.MaxFileBytes"/>.</summary>
    public const long HugeFileBytes = 100L * 1024 * 1024;

    /// <summary>How deep the deeply nested entry goes (the reader's limit is 64).</summary>
    public const int DeepNesting = 10_000;

    /// <summary>A complete, valid state in the contract's layout (seed keys and additions), last active 5 minutes before the tests' clock.</summary>
    public static JsonObject ValidState() => (JsonObject)JsonNode.Parse("""
        {
          "schema_version": 1,
          "session_id": "sess_20261124_001",
          "project": "my-app",
          "timestamp": "2026-11-24T19:55:00Z",
          "duration_minutes": 45,
          "objectives": { "primary": "Implement user authentication with JWT", "secondary": ["docs"], "status": "in-progress" },
          "progress": { "completed": ["Auth middleware"], "in_progress": ["Login page"], "blocked": [] },
          "files": { "created": ["src/A.cs"], "modified": ["src/B.cs"], "deleted": [] },
          "errors": {
            "unresolved": [ { "file": "src/B.cs", "line": 42, "error": "Cannot implicitly convert type 'string' to 'int'",
                              "attempts": 1, "fingerprint": "3f2a9c1e0b7d4a55", "code": "CS0029", "project": "src/App/App.csproj" } ],
            "resolved": [ { "file": "src/C.cs", "error": "The name 'Foo' does not exist in the current context",
                            "resolution": "Added the using", "code": "CS0103", "fingerprint": "9b8c7d6e5f4a3b2c" } ]
          },
          "tests": { "passing": 24, "failing": 2, "failed_paths": ["tests/App.Tests/AuthTests.cs:AuthTests.Login_rejects_bad_email"] },
          "todos": ["Write the migration"],
          "context": { "tech_stack": ["C#", "net10.0", "xunit"], "key_decisions": ["Use JWT"], "architecture_notes": "Hexagonal" },
          "next_prompts": ["Fix error CS0029 in src/B.cs line 42"]
        }
        """)!;

    public static string ValidText() => ValidState().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    public static IReadOnlyList<DamagedState> Damaged { get; } =
    [
        // ------------------------------------------------------------ syntax and encoding
        Text("truncated", "invalid JSON", ValidText()[..(ValidText().Length / 2)]),
        Text("truncated-mid-string", "invalid JSON", ValidText()[..ValidText().IndexOf("Implement", StringComparison.Ordinal)]),
        Bytes("empty", "the file is empty", []),
        Bytes("bom-only", "the file is empty", [0xEF, 0xBB, 0xBF]),
        Text("whitespace-only", "no JSON", "  \n\t\r\n   \n"),
        Text("comment-only", "no JSON", "// the state goes here\n"),
        Bytes("binary-garbage", "not valid UTF-8", Garbage(4096, seed: 5)),
        Bytes("nul-bytes", "invalid JSON", new byte[1024]),
        Bytes("invalid-utf8-in-string", "not valid UTF-8", Encoding.UTF8.GetBytes("{\"todos\": [\"caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"]}")).ToArray()),
        Bytes("utf16-from-powershell", "UTF-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ValidText())).ToArray()),
        Text("trailing-garbage", "invalid JSON", ValidText() + "\nxyz"),
        Text("two-documents", "invalid JSON", ValidText() + ValidText()),
        Text("merge-conflict-markers", "invalid JSON",
            "<<<<<<< HEAD\n" + ValidText() + "=======\n" + ValidText() + ">>>>>>> feature\n"),
        Text("nan-literal", "invalid JSON", Replace("\"duration_minutes\": 45", "\"duration_minutes\": NaN")),
        Text("infinity-literal", "invalid JSON", Replace("\"passing\": 24", "\"passing\": Infinity")),
        Text("lone-surrogate-in-a-known-key", "$.objectives.primary", Replace("\"Implement user authentication with JWT\"", "\"\\uD800 JWT\"")),
        Text("lone-surrogate-in-an-unknown-key", "$.my_note", Replace("\"todos\":", "\"my_note\": \"a\\uDC00b\",\n  \"todos\":")),

        // ------------------------------------------------------------ the document is not an object
        Text("top-level-empty-array", "an array, not a JSON object", "[]"),
        Text("top-level-null", "null, not", "null"),
        Text("top-level-string", "a string, not a JSON object", "\"string\""),
        Text("top-level-number", "a number, not a JSON object", "42"),

        // ------------------------------------------------------------ wrong types at every level
        Mutated("schema_version-as-string", "$.schema_version", s => s["schema_version"] = "1"),
        Mutated("session_id-as-number", "$.session_id", s => s["session_id"] = 20261124),
        Mutated("timestamp-not-a-date", "$.timestamp", s => s["timestamp"] = "yesterday evening"),
        Mutated("timestamp-as-number", "$.timestamp", s => s["timestamp"] = 1764014400),
        Mutated("duration-too-big-for-an-int", "$.duration_minutes", s => s["duration_minutes"] = 99_999_999_999L),
        Mutated("objectives-as-array", "$.objectives", s => s["objectives"] = new JsonArray("Implement JWT")),
        Mutated("secondary-as-string", "$.objectives.secondary", s => s["objectives"]!["secondary"] = "docs"),
        Mutated("errors-as-string", "$.errors", s => s["errors"] = "none"),
        Mutated("unresolved-as-object", "$.errors.unresolved", s => s["errors"]!["unresolved"] = new JsonObject { ["file"] = "src/B.cs" }),
        Mutated("unresolved-entry-as-string", "$.errors.unresolved[0]", s => s["errors"]!["unresolved"]![0] = "src/B.cs(42): CS0029"),
        Mutated("entry-line-as-string", "$.errors.unresolved[0].line", s => s["errors"]!["unresolved"]![0]!["line"] = "forty-two"),
        Mutated("entry-attempts-as-float", "$.errors.unresolved[0].attempts", s => s["errors"]!["unresolved"]![0]!["attempts"] = 1.5),
        Mutated("resolved-entry-error-as-object", "$.errors.resolved[0].error", s => s["errors"]!["resolved"]![0]!["error"] = new JsonObject()),
        Mutated("tests-failing-as-string", "$.tests.failing", s => s["tests"]!["failing"] = "two"),
        Mutated("failed_paths-item-as-object", "$.tests.failed_paths[0]", s => s["tests"]!["failed_paths"]![0] = new JsonObject()),
        Mutated("todos-as-string", "$.todos", s => s["todos"] = "Write the migration"),
        Mutated("context-tech_stack-as-number", "$.context.tech_stack", s => s["context"]!["tech_stack"] = 3),
        Mutated("next_prompts-as-boolean", "$.next_prompts", s => s["next_prompts"] = true),
        Mutated("tests-runs-time-not-a-date", "$.tests.runs", s => s["tests"]!["runs"] = new JsonObject
        {
            ["src/App/App.csproj"] = new JsonObject { ["net10.0"] = new JsonObject { ["time"] = "soon", ["total"] = 1 } },
        }),

        // ------------------------------------------------------------ size, depth, duplicates, versions
        new("huge-100MB", "larger than the 16 MB", WriteHuge),
        new($"nested-{DeepNesting}-deep", "depth of 64", WriteDeep),
        Text("duplicate-top-level-key", "\"todos\" appears twice", Replace("\"todos\":", "\"todos\": [\"first\"],\n  \"todos\":")),
        Text("duplicate-key-in-an-error-entry", "\"line\" appears twice in the same object ($.errors.unresolved[0]", Replace("\"line\": 42,", "\"line\": 42, \"line\": 43,")),
        Text("duplicate-unknown-key", "\"my_note\" appears twice", Replace("\"todos\":", "\"my_note\": 1,\n  \"my_note\": 2,\n  \"todos\":")),
        Mutated("future-schema_version", "schema_version 2 is newer than this package understands", s => s["schema_version"] = 2),
        Mutated("future-schema_version-with-a-new-layout", "schema_version 7 is newer", s =>
        {
            s["schema_version"] = 7;
            s["errors"] = new JsonArray(); // a layout this package does not know must not be reported as wrong types
        }),
        Mutated("negative-schema_version", "schema_version -1 is not a version", s => s["schema_version"] = -1),
    ];

    /// <summary>
    /// Odd files that are read as they are: an older layout is migrated, harmless oddities are
    /// accepted (and fixed by the next update where the package owns the value).
    /// </summary>
    public static IReadOnlyList<TolerableState> Tolerable { get; } =
    [
        new("seed-layout-without-schema_version", SeedLayout(includeVersion: false),
            "version 0 (the seed's layout, before schema_version existed): migrated, every key kept"),
        new("seed-layout-schema_version-0", SeedLayout(includeVersion: true),
            "schema_version 0: migrated to 1, every key kept"),
        new("bom-then-valid", "\uFEFF" + ValidText(), "a byte order mark is accepted"),
        new("comments-and-trailing-commas", "{\n  // my note\n  \"todos\": [\"x\",],\n}", "comments and trailing commas are accepted"),
        new("negative-test-count", Replace("\"failing\": 2", "\"failing\": -3"),
            "a negative count has the right type; the next test run recomputes it and views show counts above 0 only"),
        new("explicit-nulls", """{ "objectives": null, "todos": null, "errors": { "unresolved": null, "resolved": [null] } }""",
            "explicit nulls a person wrote become empty values"),
    ];

    /// <summary>The seed's layout (docs/state-file.md without the keys marked added), as a file from before schema_version existed.</summary>
    public static string SeedLayout(bool includeVersion)
    {
        var state = ValidState();
        state.Remove("schema_version");
        state["errors"]!["unresolved"]![0]!.AsObject().Remove("code");
        state["errors"]!["unresolved"]![0]!.AsObject().Remove("project");
        state["errors"]!["resolved"]![0]!.AsObject().Remove("code");
        if (includeVersion)
        {
            var withVersion = new JsonObject { ["schema_version"] = 0 };
            foreach (var (key, value) in state.ToList())
            {
                state.Remove(key);
                withVersion[key] = value;
            }
            state = withVersion;
        }
        return state.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    static DamagedState Text(string name, string phrase, string text) =>
        new(name, phrase, path => File.WriteAllText(path, text, new UTF8Encoding(false)));

    static DamagedState Bytes(string name, string phrase, byte[] bytes) => new(name, phrase, path => File.WriteAllBytes(path, bytes));

    static DamagedState Mutated(string name, string phrase, Action<JsonObject> mutate)
    {
        var state = ValidState();
        mutate(state);
        return Text(name, phrase, state.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    static string Replace(string find, string replacement)
    {
        var text = ValidText();
        if (!text.Contains(find, StringComparison.Ordinal)) throw new ArgumentException($"'{find}' is not in the valid state.");
        return text.Replace(find, replacement, StringComparison.Ordinal);
    }

    static byte[] Garbage(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A valid state whose todos fill <see cref="HugeFileBytes"/>: streamed to disk, 1 MB at a time.</summary>
    static void WriteHuge(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var item = Encoding.ASCII.GetBytes("    \"" + new string('x', 1014) + "\",\n");   // 1 KiB per item
        var head = Encoding.ASCII.GetBytes("{\n  \"schema_version\": 1,\n  \"todos\": [\n");
        var tail = Encoding.ASCII.GetBytes("    \"last\"\n  ]\n}\n");
        file.Write(head);
        for (long written = head.Length + tail.Length; written + item.Length <= HugeFileBytes; written += item.Length) file.Write(item);
        file.Write(tail);
    }

    /// <summary>An unknown key whose value is an array nested <see cref="DeepNesting"/> deep.</summary>
    static void WriteDeep(string path) =>
        File.WriteAllText(path, "{\n  \"schema_version\": 1,\n  \"deep\": " + new string('[', DeepNesting) + new string(']', DeepNesting) + "\n}\n");
}
