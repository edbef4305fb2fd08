-- seed data for local development
BEGIN;
INSERT INTO users (id, email, phone, ssn, created_at) VALUES (101, 'casey.3258@yahoo.com', '(206) 717-6048', '509 36 0706', '2024-03-05 10:22:33.123456+00');
INSERT INTO users (id, email, phone, ssn, created_at) VALUES (102, 'dev@mail.test', '+1 212-555-0199', '666-12-3456', '2024-03-05 10:22:34.000000+00');
INSERT INTO payments (id, order_no, card_number, amount) VALUES (9001, 'ORD-2024-00012345', '3700-633259-80720', 129.99);
COMMIT;
