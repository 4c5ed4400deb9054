using PlanAtlas.Bench;

namespace PlanAtlas.Tests.Bench;

/// <summary>The benchmark measures the app README tells researchers to publish, started the way it is installed.</summary>
public class InstalledAppTests
{
    [Fact]
    public void The_benchmark_publishes_with_READMEs_command()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("dotnet " + string.Join(' ', InstalledApp.PublishArguments) + "\n", readme);
        Assert.Contains(InstalledApp.Folder + "/PlanAtlas build", readme);
    }

    [Fact]
    public void An_assembly_is_started_through_dotnet_and_an_executable_directly()
    {
        var assembly = InstalledApp.Start("/x/PlanAtlas.dll", ["build", "--input", "a b"]);
        Assert.Equal("dotnet", assembly.FileName);
        Assert.Equal(["exec", "/x/PlanAtlas.dll", "build", "--input", "a b"], assembly.ArgumentList);

        var executable = InstalledApp.Start("/x/PlanAtlas", ["build"]);
        Assert.Equal("/x/PlanAtlas", executable.FileName);
        Assert.Equal(["build"], executable.ArgumentList);
    }
}
