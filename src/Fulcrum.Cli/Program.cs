using Fulcrum.Cli;

ConsoleWidth.Apply();
return FulcrumApp.Run(args);
