using Fulcrum.Analytics.Tests.Alerts;
using Fulcrum.Analytics.Tests.Linkage;
using Fulcrum.Analytics.Tests.Metrics;
using Fulcrum.Analytics.Tests.Segments;
using Fulcrum.Analytics.Tests.Themes.Sentiment;

// The long poles start first, longest first (from a trx of the whole project): the airline training alone took 37 % of
// the test time and, started two thirds of the way in, ran by itself for the last quarter of the run while the second
// core had nothing left to do in this project.
[assembly: TestCollectionOrderer(LongRunningFirst.TypeName, "Fulcrum.Analytics.Tests")]
[assembly: LongRunning(typeof(AirlineSentimentTrainingWithMiniLmTests))]
[assembly: LongRunning(typeof(AirlineSentimentTrainingTests))]
[assembly: LongRunning(typeof(LinkageFitCacheTestsOnPostgreSql))]
[assembly: LongRunning(typeof(LinkageFitCacheTestsOnDuckDb))]
[assembly: LongRunning(typeof(MetricsSmallSampleTests))]
[assembly: LongRunning(typeof(FalseDiscoveryTests))]
[assembly: LongRunning(typeof(SentimentTrainingErrorTests))]
[assembly: LongRunning(typeof(AlertFalseAlarmTests))]
[assembly: LongRunning(typeof(MetricsAnalysisTestsOnDuckDb))]
[assembly: LongRunning(typeof(BusinessCaseDemoTests))]
