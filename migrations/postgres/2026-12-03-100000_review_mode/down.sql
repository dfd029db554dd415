DROP TABLE review_calibrations;
DROP TABLE answer_reviews;
DROP TABLE job_reviewers;
DROP TABLE review_settings;
