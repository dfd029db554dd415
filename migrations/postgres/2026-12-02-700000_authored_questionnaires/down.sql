DROP TABLE authored_questionnaires;
