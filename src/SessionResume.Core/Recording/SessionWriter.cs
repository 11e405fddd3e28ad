using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Store;

namespace SessionResume.Recording;

/// <summary>
/// The one path by which every writer (build capture, test logger, verbs) changes the state: lock,
/// read, keep the session's identity and times current, apply the change, regenerate the prompts,
/// write; and on the first write in a git repository, the .gitignore block.
/// </summary>
public static class SessionWriter
{
    public static CaptureResult Write(SessionLocation location, bool manageGitIgnore, Func<DateTime> clock,
        Func<SessionState, MergeContext, IEnumerable<Problem>> change)
    {
        var problems = new List<Problem>();
        var result = new StateStore(location.StateFile, clock).Update(state =>
        {
            var context = new MergeContext(clock(), new FileSourceText(location.Root));
            SessionClock.Touch(state, context.Now, location.ProjectName);
            problems.AddRange(change(state, context));
            NextPrompts.Regenerate(state);
            return true;
        });
        problems.InsertRange(0, result.Problems);
        if (result.Written && result.Created && manageGitIgnore && location.IsGitRepository)
        {
            try { GitIgnoreBlock.Ensure(location.Root); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(Problem.WriteFailed, $"Could not add the session files to {Path.Combine(location.Root, ".gitignore")}: {e.Message}"));
            }
        }
        return new CaptureResult(result.Written, problems);
    }
}
