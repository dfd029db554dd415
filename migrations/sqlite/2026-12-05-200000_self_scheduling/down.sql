DROP TABLE booking_slots;
DROP TABLE booking_offer_interviewers;
DROP TABLE booking_offers;
DROP TABLE availability_windows;
