namespace PlanAtlas.Model;

public enum Severity { Info, Warning, Error }

/// <summary>
/// A message about one input: always names the file, and the line or CSV row where there is one,
/// so a researcher can go straight to the problem.
/// </summary>
/// <param name="Code">Stable short code such as PA101, for scripts and docs.</param>
public sealed record Diagnostic(Severity Severity, string Code, string File, int? Line, string Message)
{
    public override string ToString() =>
        $"{File}{(Line is { } l ? $":{l}" : "")}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
