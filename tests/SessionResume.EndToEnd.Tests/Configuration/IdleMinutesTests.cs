using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>idle_minutes (an addition to the seed's keys): a pause longer than it starts a new session.</summary>
public class IdleMinutesTests
{
    [Fact]
    public void A_pause_longer_than_idle_minutes_starts_a_new_session_and_the_property_wins_over_the_file()
    {
        using var repo = ThrowawayRepo.Create();
        var lib = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.WriteConfig("""{ "idle_minutes": 5 }""");

        Check.That(repo.Build(lib).ExitCode == 1, repo.Describe());
        var first = Str(repo.ReadState(), "session_id");
        Check.That(first is not null, repo.Describe());

        // Ten minutes idle: beyond the file's 5, within the property's 60.
        repo.PretendIdleFor(TimeSpan.FromMinutes(10));
        repo.Touch("src/Lib/Calculator.cs");
        Check.That(repo.Rebuild(lib, "-p:SessionResumeIdleMinutes=60").ExitCode == 1, repo.Describe());
        var state = repo.ReadState();
        Check.That(Str(state, "session_id") == first, "-p:SessionResumeIdleMinutes=60 keeps the session.\n" + repo.Describe());
        Check.That(Int(Unresolved(state).Single(), "attempts") == 2, repo.Describe());
        Check.Not(Directory.Exists(repo.FullPath(".session-history")), repo.Describe());

        repo.PretendIdleFor(TimeSpan.FromMinutes(10));
        repo.Touch("src/Lib/Calculator.cs");
        Check.That(repo.Rebuild(lib).ExitCode == 1, repo.Describe());
        state = repo.ReadState();
        var second = Str(state, "session_id");
        Check.That(second is not null && second != first, "idle_minutes: 5 — ten minutes idle start a new session.\n" + repo.Describe());
        Check.That(Str(state, "continues_session") == first, repo.Describe());
        Check.That(repo.FileNamesIn(".session-history").SequenceEqual([first + ".json"]), "The idle session is archived.\n" + repo.Describe());
        // The open error carries over, still known as first seen in the earlier session.
        var error = Unresolved(state).Single();
        Check.That(Str(error, "code") == "CS0029" && Str(error, "first_seen_session") == first, repo.Describe());
    }
}
