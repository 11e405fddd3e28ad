using SessionResume.Application;
using SessionResume.Lifecycle;
using SessionResume.Observations;

namespace SessionResume.Build;

/// <summary>SessionHistory: one line per archived session, newest first.</summary>
public sealed class PrintSessionHistory : SessionVerbTask
{
    protected override VerbResult RunVerb() => SessionVerbs.History(Session);
}
