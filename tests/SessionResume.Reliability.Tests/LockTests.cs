using System.Globalization;
using SessionResume.Model;
using SessionResume.Reliability.Infrastructure;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SessionResume.Reliability;

/// <summary>
/// Issue 5, item 1, the lock: a writer never waits for ever. A live holder makes it wait a bounded
/// time and give up with SR0002 without failing; a holder that was killed leaves no lock behind (the
/// OS drops a dead process's lock), so the next writer gets it at once.
/// </summary>
public class LockTests(ITestOutputHelper output)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The lock timeout is a StateStore constructor argument (SessionWriter uses the 30 s default);
    /// the worker passes a short one through StateStore.Update, the layer that owns the lock.
    /// </summary>
    [Fact]
    public void A_writer_facing_a_live_lock_holder_gives_up_after_its_timeout_with_SR0002_and_leaves_the_file_as_it_was()
    {
        const int TimeoutMs = 1500;
        var figures = new Figures(output, "lock held by a live process");
        using var dir = new TempDirectory("sr-reliability-");
        var state = dir.File(".session-state.json");
        Assert.True(new StateStore(state, () => DateTime.UtcNow).Update(s => { s.Todos.Add("seed"); return true; }).Written);
        var before = File.ReadAllBytes(state);

        using var holder = WorkerProcess.Start("hold-lock", state);
        holder.WaitForLine("LOCKED", Patience);
        using var writer = WorkerProcess.Start("merge", state, "blocked", "1", "--via", "store",
            "--lock-timeout-ms", TimeoutMs.ToString(CultureInfo.InvariantCulture));
        Assert.True(writer.WaitForExit(Patience), writer.Output);

        var problem = writer.Values("PROBLEM");
        var waited = long.Parse(problem["ms"], CultureInfo.InvariantCulture);
        var unchanged = before.AsSpan().SequenceEqual(File.ReadAllBytes(state));
        figures.Line($"lock timeout {TimeoutMs} ms; the writer waited {waited} ms, reported {problem["code"]}, exit code {writer.ExitCode}, written {writer.Values("RESULT")["written"]}; file unchanged: {unchanged}; holder still running: {!holder.HasExited}");

        Assert.Equal(0, writer.ExitCode);
        Assert.Equal("SR0002", problem["code"]);
        Assert.Contains("SR0002", writer.Values("RESULT")["codes"]);
        Assert.Equal("0", writer.Values("RESULT")["written"]);
        Assert.InRange(waited, TimeoutMs, TimeoutMs + 20_000);
        Assert.True(unchanged, "The state file changed although the writer did not get the lock.");
        Assert.False(holder.HasExited, "The holder should still hold the lock.\n" + holder.Output);
        Assert.Empty(dir.Named(".session-state.json.tmp-"));
    }

    /// <summary>
    /// The writers here use SessionWriter.Update with its default 30 s timeout: "at once" means a
    /// small fraction of that.
    /// </summary>
    [Fact]
    public void After_SIGKILL_of_the_lock_holder_the_next_writer_gets_the_lock_at_once()
    {
        var figures = new Figures(output, "stale lock after SIGKILL");
        using var dir = new TempDirectory("sr-reliability-");
        var state = dir.File(".session-state.json");

        // 1. A writer that starts after the holder was killed.
        using (var holder = WorkerProcess.Start("hold-lock", state))
        {
            holder.WaitForLine("LOCKED", Patience);
            holder.Kill();
            Assert.True(holder.WaitForExit(Patience));
        }
        var lockFileLeft = File.Exists(state + ".lock");
        using var after = WorkerProcess.Start("merge", state, "after", "1");
        Assert.True(after.WaitForExit(Patience), after.Output);
        var afterMs = after.Number("RESULT", "slowest_update_ms");

        // 2. A writer already waiting when the holder is killed.
        using var holder2 = WorkerProcess.Start("hold-lock", state);
        holder2.WaitForLine("LOCKED", Patience);
        using var waiting = WorkerProcess.Start("merge", state, "waiting", "1");
        waiting.WaitForLine("READY", Patience);
        Thread.Sleep(1000);
        var stillWaiting = !waiting.HasExited;
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        holder2.Kill();
        Assert.True(waiting.WaitForExit(Patience), waiting.Output);
        var doneAt = waiting.Number("DONE", "unix_ms");
        var waitedMs = waiting.Number("RESULT", "slowest_update_ms");

        var todos = StateJson.Deserialize(File.ReadAllBytes(state)).Todos;
        figures.Line($"writer started after the SIGKILL (lock file still on disk: {lockFileLeft}): update took {afterMs} ms, written {after.Values("RESULT")["written"]} (lock timeout 30000 ms)");
        figures.Line($"writer waiting during the SIGKILL (still waiting after 1 s: {stillWaiting}): done {doneAt - killedAt} ms after the kill, its update took {waitedMs} ms in all");

        Assert.Equal(0, after.ExitCode);
        Assert.Equal("1", after.Values("RESULT")["written"]);
        Assert.Equal("", after.Values("RESULT")["codes"]);
        Assert.True(afterMs < 5000, $"The writer after the kill took {afterMs} ms: the dead holder's lock was not released at once.\n{after.Output}");
        Assert.True(stillWaiting, "The waiting writer did not wait for the live holder.\n" + waiting.Output);
        Assert.Equal("1", waiting.Values("RESULT")["written"]);
        Assert.Equal("", waiting.Values("RESULT")["codes"]);
        Assert.True(doneAt - killedAt < 5000, $"The waiting writer finished {doneAt - killedAt} ms after the kill.\n{waiting.Output}");
        Assert.Equal(["wafter-0", "wwaiting-0"], todos.Order(StringComparer.Ordinal));
    }
}
