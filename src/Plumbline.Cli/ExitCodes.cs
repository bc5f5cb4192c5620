namespace Plumbline.Cli;

/// <summary>Process exit codes, the same for every command so CI jobs can rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked and the design is valid.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the failing severity (analysis commands).</summary>
    public const int Findings = 1;

    /// <summary>Invalid input or usage: a design with errors, a missing file, an unknown option.</summary>
    public const int InvalidInput = 2;

    /// <summary>A bug in plumbline (EX_SOFTWARE): an exception that should not have happened.</summary>
    public const int InternalError = 70;
}
