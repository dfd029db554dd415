DROP TABLE public_version;
