using Fulcrum.Cli;
using Fulcrum.Cli.Rendering;

StageTimes.Mark("command line");
ConsoleWidth.Apply();
return FulcrumApp.Run(args);
