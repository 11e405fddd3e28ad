using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using SessionResume.Model;
using SessionResume.Store;
using SessionResume.TestLogger;
using Xunit.Abstractions;
using static SessionResume.Tests.BadInput.BadInputRun;

namespace SessionResume.Tests.BadInput;

/// <summary>
/// Issue 5, item 3: every damaged state file of <see cref="StateCorpus"/> gives the build the same
/// result as without the package (the task succeeds, logs no error), one SR0001 naming the file and
/// what is wrong, the original kept aside byte for byte, a fresh state, and nothing else touched.
/// The summary table is in the test output (dotnet test --logger "console;verbosity=detailed").
/// </summary>
public class DamagedStateTests(ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_has_at_least_25_damaged_entries_with_distinct_names_and_phrases()
    {
        Assert.True(StateCorpus.Damaged.Count >= 25, $"{StateCorpus.Damaged.Count} entries");
        Assert.Equal(StateCorpus.Damaged.Count, StateCorpus.Damaged.Select(e => e.Name).Distinct().Count());
        Assert.All(StateCorpus.Damaged, e => Assert.False(string.IsNullOrWhiteSpace(e.ExpectedPhrase), e.Name));
    }

    [Fact]
    public void Every_damaged_state_through_CaptureBuildDiagnostics_is_one_SR0001_naming_the_file_kept_aside_byte_identical_and_replaced()
    {
        var rows = StateCorpus.Damaged.Select(CaptureOver).ToList();
        var table = Table("CaptureBuildDiagnostics over the damaged state corpus", rows);
        output.WriteLine(table);
        Console.WriteLine(table);
        Assert.True(rows.All(r => r.Ok), table);

        // The oversized file is set aside without being read: far less memory than its 100 MB, and quickly.
        var huge = rows.Single(r => r.Entry == "huge-100MB");
        Assert.True(huge.AllocatedMB!.Value < StateStore.MaxFileBytes / (1024.0 * 1024), $"{huge.AllocatedMB:0.0} MB allocated");
        Assert.True(huge.Milliseconds < 5000, $"{huge.Milliseconds} ms");
    }

    [Fact]
    public void Every_damaged_state_through_the_VSTest_logger_is_one_SR0001_line_and_the_run_lands_in_a_fresh_state()
    {
        var rows = new List<CorpusRow>();
        foreach (var entry in StateCorpus.Damaged)
        {
            using var repo = new TaskRepository();
            entry.WriteTo(repo.StateFile);
            var original = Hash(repo.StateFile);
            var events = new FakeTestLoggerEvents();
            var lines = new List<string>();
            var logger = new SessionResumeTestLogger { Clock = () => Now, Output = lines.Add };
            logger.Initialize(events, new Dictionary<string, string?>
            {
                ["TestRunDirectory"] = repo.Root,
                ["TargetFramework"] = ".NETCoreApp,Version=v10.0",
                ["Project"] = repo.ProjectFile,
                ["Tfm"] = "net10.0",
            });
            events.Result("App.T.A", TestOutcome.Passed, "App.dll");
            events.Complete();

            var failures = new List<string>();
            var warnings = lines.Where(l => l.StartsWith("SessionResume.Build warning ", StringComparison.Ordinal)).ToList();
            if (warnings.Count != 1 || lines.Count != 1) failures.Add($"expected one line, a warning; got: {string.Join(" | ", lines)}");
            var warning = warnings.FirstOrDefault() ?? "";
            if (!warning.StartsWith("SessionResume.Build warning SR0001: ", StringComparison.Ordinal)) failures.Add("not SR0001");
            if (!warning.Contains(repo.StateFile, StringComparison.Ordinal)) failures.Add("the line does not name the state file");
            if (!warning.Contains(entry.ExpectedPhrase, StringComparison.Ordinal)) failures.Add($"the line does not say \"{entry.ExpectedPhrase}\"");
            var aside = repo.StateFile + AsideSuffix;
            if (!File.Exists(aside) || Hash(aside) != original) failures.Add("the original is not kept aside byte for byte");
            try
            {
                if (StateJson.Deserialize(File.ReadAllBytes(repo.StateFile)).Tests.Passing != 1) failures.Add("the run is not in the fresh state");
            }
            catch (Exception e)
            {
                failures.Add($"the fresh state is not valid: {e.Message}");
            }
            rows.Add(new CorpusRow(entry.Name, warnings.Count == 1 ? warning.Split(' ')[2].TrimEnd(':') : "?", failures.Count == 0 ? "kept aside, run recorded" : "FAILED",
                null, null, Reason(warning, repo.Root), failures));
        }
        var table = Table("VSTest logger over the damaged state corpus", rows);
        output.WriteLine(table);
        Assert.True(rows.All(r => r.Ok), table);
    }

    [Fact]
    public void SessionRestore_over_a_damaged_state_warns_once_and_leaves_the_file_as_it_is()
    {
        foreach (var entry in StateCorpus.Damaged.Where(e => e.Name is "binary-garbage" or "duplicate-top-level-key" or "huge-100MB"))
        {
            using var repo = new TaskRepository();
            entry.WriteTo(repo.StateFile);
            var original = Hash(repo.StateFile);
            var engine = new FakeBuildEngine();
            var task = new Build.PrintSessionSummary { BuildEngine = engine, ProjectFile = repo.ProjectFile, Clock = () => Now };

            Assert.True(task.Execute(), entry.Name);

            var warning = Assert.Single(engine.Warnings);
            Assert.Equal(("SR0001", repo.StateFile), (warning.Code, warning.File));
            Assert.Contains(entry.ExpectedPhrase, warning.Message);
            Assert.Contains("moved aside at the next update", warning.Message);
            Assert.Equal(original, Hash(repo.StateFile));
            Assert.Empty(Directory.GetFiles(repo.Root, "*.corrupt-*"));
        }
    }
}
