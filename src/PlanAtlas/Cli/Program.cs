namespace PlanAtlas.Cli;

public static class Program
{
    public static int Main(string[] args) => CommandLine.Run(args);
}
