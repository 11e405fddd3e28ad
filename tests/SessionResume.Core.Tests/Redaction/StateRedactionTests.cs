using System.Text.Json;
using SessionResume.Model;
using SessionResume.Redaction;
using SessionResume.Tests.Support;

namespace SessionResume.Tests.Redaction;

public class StateRedactionTests
{
    static readonly string Token = "ghp_" + Fake.Of(Fake.Alnum, 36, 7);
    static readonly string Leaky = $"Retry with GITHUB_TOKEN={Token}";
    const string Redacted = "Retry with GITHUB_TOKEN=[REDACTED:github-token]";

    /// <summary>Every free-text field, how to put text there and how to read it back.</summary>
    static readonly Dictionary<string, (Action<SessionState, string> Set, Func<SessionState, string?> Get)> FreeText = new()
    {
        ["objectives.primary"] = ((s, v) => s.Objectives.Primary = v, s => s.Objectives.Primary),
        ["objectives.secondary[]"] = ((s, v) => s.Objectives.Secondary.Add(v), s => s.Objectives.Secondary[0]),
        ["objectives.status"] = ((s, v) => s.Objectives.Status = v, s => s.Objectives.Status),
        ["progress.completed[]"] = ((s, v) => s.Progress.Completed.Add(v), s => s.Progress.Completed[0]),
        ["progress.in_progress[]"] = ((s, v) => s.Progress.InProgress.Add(v), s => s.Progress.InProgress[0]),
        ["progress.blocked[]"] = ((s, v) => s.Progress.Blocked.Add(v), s => s.Progress.Blocked[0]),
        ["errors.unresolved[].error"] = ((s, v) => s.Errors.Unresolved.Add(States.Error("a1", message: v)), s => s.Errors.Unresolved[0].Error),
        ["errors.unresolved[].source"] = ((s, v) => s.Errors.Unresolved.Add(With(States.Error("a1"), e => e.Source = v)), s => s.Errors.Unresolved[0].Source),
        ["errors.unresolved[].seen_before.resolution"] = ((s, v) => s.Errors.Unresolved.Add(With(States.Error("a1"), e => e.SeenBefore = new() { SessionId = "sess_20261123_002", Resolution = v })),
            s => s.Errors.Unresolved[0].SeenBefore!.Resolution),
        ["errors.resolved[].error"] = ((s, v) => s.Errors.Resolved.Add(With(States.Resolved("b2"), r => r.Error = v)), s => s.Errors.Resolved[0].Error),
        ["errors.resolved[].resolution"] = ((s, v) => s.Errors.Resolved.Add(States.Resolved("b2", resolution: v)), s => s.Errors.Resolved[0].Resolution),
        ["warnings.entries[].error"] = ((s, v) => s.Warnings.Entries.Add(States.Error("c3", code: "CS8618", message: v)), s => s.Warnings.Entries[0].Error),
        ["warnings.entries[].source"] = ((s, v) => s.Warnings.Entries.Add(With(States.Error("c3", code: "CS8618"), e => e.Source = v)), s => s.Warnings.Entries[0].Source),
        ["tests.failures[].message"] = ((s, v) => s.Tests.Failures.Add(With(States.Failure("d4"), f => f.Message = v)), s => s.Tests.Failures[0].Message),
        ["tests.failures[].display_name"] = ((s, v) => s.Tests.Failures.Add(With(States.Failure("d4"), f => f.DisplayName = v)), s => s.Tests.Failures[0].DisplayName),
        ["tests.failures[].path"] = ((s, v) => s.Tests.Failures.Add(With(States.Failure("d4"), f => f.Path = v)), s => s.Tests.Failures[0].Path),
        ["tests.failed_paths[]"] = ((s, v) => s.Tests.FailedPaths.Add(v), s => s.Tests.FailedPaths[0]),
        ["tests.fixed[].path"] = ((s, v) => s.Tests.Fixed.Add(new FixedTest { Name = "App.Tests.A.B", Path = v, Project = States.TestProject }), s => s.Tests.Fixed[0].Path),
        ["tests.runs.*.*.aborted"] = ((s, v) => States.AddRun(s, "net10.0", With(States.Run(3, 1), r => r.Aborted = v)), s => s.Tests.Runs[States.TestProject]["net10.0"].Aborted),
        ["todos[]"] = ((s, v) => s.Todos.Add(v), s => s.Todos[0]),
        ["context.tech_stack[]"] = ((s, v) => s.Context.TechStack.Add(v), s => s.Context.TechStack[0]),
        ["context.key_decisions[]"] = ((s, v) => s.Context.KeyDecisions.Add(v), s => s.Context.KeyDecisions[0]),
        ["context.architecture_notes"] = ((s, v) => s.Context.ArchitectureNotes = v, s => s.Context.ArchitectureNotes),
        ["next_prompts[]"] = ((s, v) => s.NextPrompts.Add(v), s => s.NextPrompts[0]),
    };

    public static TheoryData<string> FreeTextFields() => new(FreeText.Keys);

    static T With<T>(T value, Action<T> change)
    {
        change(value);
        return value;
    }

    [Theory]
    [MemberData(nameof(FreeTextFields))]
    public void Redacts_the_field(string field)
    {
        var state = States.State();
        FreeText[field].Set(state, Leaky);

        StateRedaction.Apply(state);

        Assert.Equal(Redacted, FreeText[field].Get(state));
    }

    [Fact]
    public void Redacts_string_values_inside_unknown_keys_at_every_level()
    {
        var state = States.State();
        state.Extra = Unknown($$"""{ "agent_notes": "{{Leaky}}", "deploy": { "steps": ["build", "{{Leaky}}"], "retries": 3, "dry_run": true }, "plain": "nothing here" }""");
        state.Objectives.Extra = Unknown($$"""{ "why": "{{Leaky}}" }""");
        state.Errors.Unresolved.Add(With(States.Error("a1"), e => e.Extra = Unknown($$"""{ "hint": "{{Leaky}}" }""")));
        state.Tests.Failures.Add(With(States.Failure("d4"), f => f.Extra = Unknown($$"""{ "stdout": ["{{Leaky}}"] }""")));
        state.Context.Extra = Unknown($$"""{ "{{Token}}-named key": "stays a key" }""");

        StateRedaction.Apply(state);

        Assert.Equal(Redacted, state.Extra!["agent_notes"].GetString());
        Assert.Equal($$"""["build","{{Redacted}}"]""", state.Extra["deploy"].GetProperty("steps").GetRawText());
        Assert.Equal(3, state.Extra["deploy"].GetProperty("retries").GetInt32());
        Assert.True(state.Extra["deploy"].GetProperty("dry_run").GetBoolean());
        Assert.Equal("nothing here", state.Extra["plain"].GetString());
        Assert.Equal(Redacted, state.Objectives.Extra!["why"].GetString());
        Assert.Equal(Redacted, state.Errors.Unresolved[0].Extra!["hint"].GetString());
        Assert.Equal(Redacted, state.Tests.Failures[0].Extra!["stdout"][0].GetString());
        // Property names are names, not values: left as they are.
        Assert.Equal("stays a key", state.Context.Extra!.Values.Single().GetString());
        // And what is written reads back with the same redacted values.
        var reread = StateJson.Deserialize(StateJson.Serialize(state));
        Assert.Equal(Redacted, reread.Extra!["agent_notes"].GetString());
        Assert.Equal(Redacted, reread.Errors.Unresolved[0].Extra!["hint"].GetString());
    }

    [Fact]
    public void An_unknown_value_without_a_secret_is_kept_exactly_as_written()
    {
        const string raw = """{"a": 1.50, "b": "caf\u00e9", "c": [ "GUID 3fa85f64-5717-4562-b3fc-2c963f66afa6" ]}""";
        var state = States.State();
        state.Extra = Unknown($$"""{ "kept": {{raw}}, "leaky": "{{Leaky}}" }""");

        StateRedaction.Apply(state);

        // Not re-serialised: the number's form and the escape survive byte for byte.
        Assert.Equal(raw, state.Extra!["kept"].GetRawText());
        Assert.Equal(Redacted, state.Extra["leaky"].GetString());
    }

    [Fact]
    public void Fingerprints_paths_codes_and_counts_are_untouched()
    {
        var state = LeakyState();
        var before = Identity(state);

        StateRedaction.Apply(state);

        Assert.Equal(before, Identity(state));
        Assert.DoesNotContain(Token, StateJson.Serialize(state).Replace(Token + "-named", ""));
    }

    [Fact]
    public void Every_string_of_the_model_is_redacted_unless_it_is_identity()
    {
        // Fills every string the model has (found by reflection, so a field added later is covered
        // too) with a secret, then checks that exactly the identity fields still hold it.
        var state = new SessionState();
        ModelWalker.FillStrings(state, Leaky);

        StateRedaction.Apply(state);

        var kept = ModelWalker.Strings(state).Where(s => s.Value.Contains(Token, StringComparison.Ordinal)).Select(s => s.Path).Order(StringComparer.Ordinal).ToList();
        string[] identity =
        [
            "SessionState.ContinuesSession", "SessionState.Errors.Resolved[].Aliases[]", "SessionState.Errors.Resolved[].Code",
            "SessionState.Errors.Resolved[].File", "SessionState.Errors.Resolved[].Fingerprint", "SessionState.Errors.Resolved[].Project",
            "SessionState.Errors.Resolved[].SessionId", "SessionState.Errors.Unresolved[].Aliases[]", "SessionState.Errors.Unresolved[].Code",
            "SessionState.Errors.Unresolved[].File", "SessionState.Errors.Unresolved[].FileHash", "SessionState.Errors.Unresolved[].Fingerprint", "SessionState.Errors.Unresolved[].FirstSeenSession",
            "SessionState.Errors.Unresolved[].Origin",
            "SessionState.Errors.Unresolved[].Project", "SessionState.Errors.Unresolved[].SeenBefore.SessionId", "SessionState.Errors.Unresolved[].SeenIn[]",
            "SessionState.Errors.Unresolved[].TargetFrameworks[]", "SessionState.Files.Created[]", "SessionState.Files.Deleted[]", "SessionState.Files.Modified[]",
            "SessionState.Git.Branch", "SessionState.Git.Commit", "SessionState.Git.SessionStartCommit", "SessionState.Git.Worktree",
            "SessionState.MergedFrom[]", "SessionState.Project", "SessionState.SessionId",
            "SessionState.Tests.Failures[].FailureFingerprint", "SessionState.Tests.Failures[].File", "SessionState.Tests.Failures[].Fingerprint",
            "SessionState.Tests.Failures[].FileHash", "SessionState.Tests.Failures[].FirstSeenSession", "SessionState.Tests.Failures[].Name", "SessionState.Tests.Failures[].Outcome",
            "SessionState.Tests.Failures[].Project", "SessionState.Tests.Failures[].Rerun", "SessionState.Tests.Failures[].Runner",
            "SessionState.Tests.Failures[].SeenIn[]", "SessionState.Tests.Failures[].TargetFrameworks[]",
            "SessionState.Tests.Fixed[].Name", "SessionState.Tests.Fixed[].Project",
            "SessionState.Warnings.Entries[].Aliases[]", "SessionState.Warnings.Entries[].Code", "SessionState.Warnings.Entries[].File",
            "SessionState.Warnings.Entries[].Fingerprint", "SessionState.Warnings.Entries[].FileHash", "SessionState.Warnings.Entries[].FirstSeenSession",
            "SessionState.Warnings.Entries[].Origin", "SessionState.Warnings.Entries[].Project",
            "SessionState.Warnings.Entries[].SeenBefore.SessionId", "SessionState.Warnings.Entries[].SeenIn[]", "SessionState.Warnings.Entries[].TargetFrameworks[]",
        ];
        Assert.Equal(identity.Order(StringComparer.Ordinal), kept);
    }

    [Fact]
    public void A_state_without_secrets_is_left_as_the_same_strings()
    {
        var state = LeakyState(secret: "a GUID 3fa85f64-5717-4562-b3fc-2c963f66afa6 and commit 9fceb02d0ae598e95dc970b74767f19372d61af8");
        var json = StateJson.Serialize(state);
        var strings = ModelWalker.Strings(state).Select(s => s.Value).ToList();

        StateRedaction.Apply(state);

        Assert.Equal(json, StateJson.Serialize(state));
        Assert.All(strings.Zip(ModelWalker.Strings(state).Select(s => s.Value)), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void Applying_twice_gives_the_same_state()
    {
        var state = LeakyState();
        StateRedaction.Apply(state);
        var once = StateJson.Serialize(state);

        StateRedaction.Apply(state);

        Assert.Equal(once, StateJson.Serialize(state));
    }

    /// <summary>A state as a build and a test run leave it, with the secret in messages, sources and notes.</summary>
    static SessionState LeakyState(string? secret = null)
    {
        var leak = secret ?? Leaky;
        var state = States.State();
        state.Objectives.Primary = "Rotate " + leak;
        state.Files.Modified.Add("src/Secrets/TokenStore.cs");
        state.Errors.Unresolved.Add(With(States.Error("0123456789abcdef", message: "Login failed: " + leak, file: "src/Secrets/TokenStore.cs"), e =>
        {
            e.Source = $"logger.LogWarning(\"{leak}\");";
            e.Aliases = ["fedcba9876543210"];
        }));
        state.Errors.Resolved.Add(States.Resolved("1111222233334444", resolution: "Line 7 changed from " + leak));
        state.Warnings.Entries.Add(States.Error("5555666677778888", code: "CS8618", message: leak));
        state.Warnings.Total = 1;
        state.Warnings.ByCode["CS8618"] = 1;
        state.Tests.Failures.Add(With(States.Failure("9999aaaabbbbcccc"), f => f.Message = "Assert.Equal() Failure\nExpected: " + leak));
        state.Tests.Failing = 1;
        state.Tests.Passing = 24;
        state.Tests.FailedPaths.Add(state.Tests.Failures[0].Path);
        States.AddRun(state, "net10.0", States.Run(25, 1));
        state.NextPrompts.Add("Fix error CS0029 in src/Secrets/TokenStore.cs line 42: Login failed: " + leak);
        state.Context.Extra = Unknown($$"""{ "{{Token}}-named key": "x" }""");
        return state;
    }

    static string Identity(SessionState s) => JsonSerializer.Serialize(new
    {
        s.SessionId,
        s.Project,
        Files = s.Files.Modified,
        Errors = s.Errors.Unresolved.Select(e => new { e.Fingerprint, e.Aliases, e.Code, e.File, e.Line, e.Column, e.Attempts, e.Project, e.TargetFrameworks }),
        Resolved = s.Errors.Resolved.Select(e => new { e.Fingerprint, e.Code, e.File, e.Line, e.Project, e.SessionId }),
        Warnings = s.Warnings.Entries.Select(e => new { e.Fingerprint, e.Code, e.File, e.Line }),
        s.Warnings.Total,
        s.Warnings.ByCode,
        Tests = s.Tests.Failures.Select(f => new { f.Fingerprint, f.Name, f.File, f.Line, f.Project, f.Rerun, f.Attempts }),
        s.Tests.Passing,
        s.Tests.Failing,
        Runs = s.Tests.Runs.ToDictionary(r => r.Key, r => r.Value.ToDictionary(f => f.Key, f => new { f.Value.Total, f.Value.Passed, f.Value.Failed })),
    });

    static Dictionary<string, JsonElement> Unknown(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}
