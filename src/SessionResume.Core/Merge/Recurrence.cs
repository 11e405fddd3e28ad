using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>An error that comes back after it was fixed: the earlier fix is offered with it, once, in the build output.</summary>
internal static class Recurrence
{
    /// <summary>Marks a new entry with the earlier resolution of the same problem, from this session or an archived one.</summary>
    public static void OfferEarlierResolution(SessionState state, ErrorEntry entry, MergeContext context)
    {
        var earlier = state.Errors.Resolved.Concat(context.ArchivedResolutions)
            .FirstOrDefault(r => r.Fingerprint == entry.Fingerprint || (r.Aliases?.Contains(entry.Fingerprint) ?? false));
        if (earlier is not null) entry.SeenBefore = new SeenBefore { SessionId = earlier.SessionId, Resolution = earlier.Resolution };
    }

    public static Problem Warning(ErrorEntry entry) =>
        Problems.SeenBefore(entry.SeenBefore!.SessionId, Fingerprint.Display(entry.Code, entry.Fingerprint), entry.SeenBefore.Resolution,
            entry.File, entry.Line, entry.Column);
}
