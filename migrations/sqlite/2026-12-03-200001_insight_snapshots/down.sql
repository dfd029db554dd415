DROP TABLE insight_snapshots;
