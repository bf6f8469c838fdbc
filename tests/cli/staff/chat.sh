# Chat with 3 at once: 8, 10 and 13 minutes at 1, 2 and 3 chats, patience
# 3 minutes, answer 95 %; the same without concurrency needs twice the
# agents.  40 chats in 15 minutes need 12 and 25 (tests/ref/chat_ref.py).
printf 'period,time,channel,line,forecast\n2025-03-03,09:00,chat,1700,40\n' > chat.csv
for t in 09:15 09:30 09:45; do echo "2025-03-03,$t,chat,1700,0" >> chat.csv; done
wfm-staff --config "$FIX/staff-wfm.conf" --concurrency 3 --chat-aht '8:00, 10:00, 13:00' \
	--chat-patience 3:00 chat.csv
wfm-staff --config "$FIX/staff-wfm.conf" --concurrency 1 --chat-aht 8:00 \
	--chat-patience 3:00 chat.csv | sed -n 2p
