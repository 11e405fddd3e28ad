using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>An unresolved or resolved error, seen the same way when a person names one.</summary>
sealed record KnownError(string Fingerprint, IReadOnlyList<string> Aliases, string Code, string File, int Line, string Message,
    bool Resolved)
{
    public string Label => ErrorLabel.For(Code, Fingerprint, File, Line, Message, Resolved);

    public static IEnumerable<KnownError> In(ErrorSection errors) =>
        errors.Unresolved.Select(e => new KnownError(e.Fingerprint, e.Aliases ?? [], e.Code, e.File, e.Line, e.Error, Resolved: false))
            .Concat(errors.Resolved.Select(r =>
                new KnownError(r.Fingerprint, r.Aliases ?? [], r.Code, r.File, r.Line, r.Error, Resolved: true)));
}
