namespace PlanAtlas.Read;

/// <summary>
/// The one exception for an expected failure the user can fix (no such input folder, a broken theme template, an
/// output folder that cannot be written): the build stops and reports its message, which names the file (and line)
/// it is about. Any other exception is a bug in PlanAtlas and is reported with its stack trace.
/// </summary>
public class BuildInputException : Exception
{
    public BuildInputException(string message) : base(message) { }

    public BuildInputException(string message, Exception inner) : base(message, inner) { }
}
